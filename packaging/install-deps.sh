#!/bin/sh
# Installs what difusor-console needs to build, run its sandbox difusor and pass its tests,
# from Debian 12 / Ubuntu 22.04+ packages. Uses sudo when not run as root.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends \
    build-essential cmake pkg-config git ca-certificates \
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools \
    libqt6sql6-sqlite libssh-dev libssl-dev zlib1g-dev qtkeychain-qt6-dev libgl-dev \
    openssh-server openssh-client nginx-light rsync inotify-tools procps curl \
    xvfb xauth dbus desktop-file-utils appstream clang \
    goaccess awstats ansible-core \
    qt6-httpserver-dev qt6-websockets-dev prometheus \
    dpkg-dev lintian file \
    fonts-dejavu-core poppler-utils
