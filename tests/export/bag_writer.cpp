// A process that writes a bag the way an export will, so a test can kill -9 it in the middle and
// run it again: `bag_writer ROOT COUNT BYTES [--step]`. File i (data/logs/file-NNN.bin) holds BYTES
// bytes that depend only on i. For each: "skipped i" when the bag already has it, else it streams the
// first half, prints "half i" (and with --step waits for a line on stdin), streams the rest, commits
// with the expected SHA-256 and prints "written i". Then finish() and "finished". Exit 1 on an error.
#include "export/Bag.h"
#include "export/Hashing.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>

using namespace difusor::exporting;

namespace {

QByteArray contentOf(int i, qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 x = 2463534242u + quint32(i) * 7919u;
    for (qint64 k = 0; k < size; ++k) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes[k] = char(x & 0xff);
    }
    return bytes;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    const int count = args.at(2).toInt();
    const qint64 size = args.at(3).toLongLong();
    const bool step = args.contains(QStringLiteral("--step"));
    QTextStream out(stdout);
    QString error;
    Bag bag(args.at(1));
    if (!bag.open(&error)) {
        out << "error " << error << Qt::endl;
        return 1;
    }
    bag.setInfo({{QStringLiteral("Source-Organization"), QStringLiteral("Difusor de prueba")}});
    for (int i = 0; i < count; ++i) {
        const QString path = QStringLiteral("logs/file-%1.bin").arg(i, 3, 10, QLatin1Char('0'));
        const QByteArray content = contentOf(i, size);
        const QByteArray sha256 = hashHex(HashAlgorithm::Sha256, content);
        if (bag.hasPayload(path, sha256)) {
            out << "skipped " << i << Qt::endl;
            continue;
        }
        std::unique_ptr<Bag::PayloadWriter> writer = bag.beginPayload(path, &error);
        if (!writer || !writer->write(content.left(size / 2), &error)) {
            out << "error " << error << Qt::endl;
            return 1;
        }
        out << "half " << i << Qt::endl;
        if (step) {
            std::string line;
            std::getline(std::cin, line);
        }
        if (!writer->write(content.mid(size / 2), &error) || !writer->commit(&error, sha256)) {
            out << "error " << error << Qt::endl;
            return 1;
        }
        out << "written " << i << Qt::endl;
    }
    if (!bag.finish(&error)) {
        out << "error " << error << Qt::endl;
        return 1;
    }
    out << "finished" << Qt::endl;
    return 0;
}
