# Debian package: `cpack -G DEB` in the build folder makes difusor-console_<version>_amd64.deb.
# Included from the top CMakeLists.txt (CPack must be included at the top level). The install rules
# are those of app/ and packaging/CMakeLists.txt; tests/packaging builds the package and checks it.

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "${PROJECT_NAME}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "difusor-console developers")
set(CPACK_PACKAGE_CONTACT "difusor-console developers <difusor-console@example.org>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://example.org/difusor-console")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "operations console for PREP difusor servers")
set(CPACK_PACKAGE_DESCRIPTION
"A PREP difusor is an outlet (a newspaper, a university, an NGO) that mirrors
the preliminary results of an election in Mexico on its own server. The
console connects to that server over SSH and shows, live, its compliance with
the required infrastructure, the arrival of each results cut, the publication
lag against the official PREP and the traffic of the site; it raises
incidents, runs drills and exports the technical report.

The same work runs headless: check, watch (with a Prometheus /metrics
endpoint), stats over nginx access logs, and a sandbox difusor for rehearsals.
Interface in Spanish (es_MX) and English.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # difusor-console_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Libraries the binary links (Qt 6, libssh, OpenSSL, qtkeychain, ...) come from dpkg-shlibdeps; what it
# cannot see is listed here:
#  - libqt6sql6-sqlite: the store's QSQLITE driver, a Qt plugin loaded at run time;
#  - openssh-client: ssh-keygen, which the sandbox runs to make its host keys and which the host-key
#    dialog tells the technician to run (ssh-keygen -R) when a server's key changed;
#  - fonts-dejavu-core: the memoria técnica's PDF embeds DejaVu Sans (core/export/MemoriaPdf.cpp), so its
#    text extracts with accents whatever the desktop's fonts.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, openssh-client, fonts-dejavu-core")
# Only `--demo` and `sandbox` run sshd, nginx and rsync (on 127.0.0.1, as the user); awstats only lends
# `stats --robots auto` its robot database. Suggests, not Recommends: apt installs Recommends by
# default, and installing openssh-server or nginx enables and starts a system-wide sshd on port 22 and
# nginx on port 80 on the technician's desk machine, for a rehearsal feature. (inotify-tools belongs
# on the difusor's server; the cut watcher falls back to a stat loop without it.)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "openssh-server, nginx-light | nginx, rsync, awstats")

include(CPack)
