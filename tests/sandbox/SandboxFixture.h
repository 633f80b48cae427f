#pragma once

#include "sandbox/Sandbox.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace difusor::test {

// A running sandbox for a test (state folder "difusor-test-…", so the leftover check covers it).
struct SandboxRun
{
    std::unique_ptr<difusor::sandbox::Sandbox> sandbox;
    qint64 readyMs = -1;
    QString error;

    bool start(difusor::sandbox::SandboxOptions options, int timeoutMs = 20000);
    // Graceful stop; returns the milliseconds it took, -1 on timeout.
    qint64 stop(int timeoutMs = 10000);
    QList<QJsonObject> truth() const; // the ground-truth log so far
};

struct HttpResult
{
    int status = 0; // 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
};
HttpResult httpGet(const QString &url, const QByteArray &forwardedFor = {}, int timeoutMs = 5000);

struct ProgramResult
{
    int exitCode = -1;
    QByteArray output;
};
ProgramResult runProgram(const QString &program, const QStringList &args, int timeoutMs = 20000);

// "pid args" of every process whose command line mentions text (own process excluded).
QStringList processesMentioning(const QString &text);

QList<QJsonObject> readJsonLines(const QString &path);
QList<QJsonObject> eventsNamed(const QList<QJsonObject> &records, const QString &event);
QDateTime cutOf(const QJsonObject &record); // the "cut" field, UTC

// The cut time shown on a PREP page ("Fecha y hora de corte: dd/MM/yyyy HH:mm (UTC-6)"), UTC.
QDateTime pageCut(const QByteArray &html);

// Structure of a PREP cut CSV as the sandbox writes it; empty when fine, else what is wrong.
QString checkPrepCsv(const QByteArray &csv, const QDateTime &expectedCut = {});

} // namespace difusor::test
