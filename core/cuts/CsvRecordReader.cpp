#include "CsvRecordReader.h"

namespace difusor::cuts {

CsvRecordReader::CsvRecordReader(const QByteArray &data, qsizetype start, int maxFields, int maxFieldBytes)
    : m_data(&data)
    , m_pos(start)
    , m_maxFields(maxFields)
    , m_maxFieldBytes(maxFieldBytes)
{
}

void CsvRecordReader::skipToLineEnd(qsizetype from)
{
    qsizetype pos = from;
    const qsizetype size = m_data->size();
    while (pos < size && m_data->at(pos) != '\r' && m_data->at(pos) != '\n')
        ++pos;
    if (pos < size) {
        const char end = m_data->at(pos);
        ++pos;
        if (end == '\r' && pos < size && m_data->at(pos) == '\n')
            ++pos;
    }
    m_pos = pos;
}

bool CsvRecordReader::next(QList<QByteArray> &fields, bool &malformed)
{
    fields.clear();
    malformed = false;
    const qsizetype size = m_data->size();
    if (m_pos >= size)
        return false;

    const qsizetype recordStart = m_pos;
    const char *bytes = m_data->constData();
    QByteArray field;
    bool inQuotes = false;
    bool wasQuoted = false;
    qsizetype pos = m_pos;

    auto giveUp = [&]() {
        // Resynchronise on the first line end after the record's start, ignoring quotes.
        fields.clear();
        malformed = true;
        skipToLineEnd(recordStart);
        return true;
    };

    while (pos < size) {
        const char c = bytes[pos];
        if (inQuotes) {
            if (c == '"') {
                if (pos + 1 < size && bytes[pos + 1] == '"') {
                    field += '"';
                    pos += 2;
                } else {
                    inQuotes = false;
                    ++pos;
                }
                continue;
            }
            field += c;
            ++pos;
            if (field.size() > m_maxFieldBytes)
                return giveUp();
            continue;
        }
        if (c == m_separator) {
            fields.append(field);
            field.clear();
            wasQuoted = false;
            ++pos;
            if (fields.size() >= m_maxFields)
                return giveUp();
            continue;
        }
        if (c == '\r' || c == '\n') {
            ++pos;
            if (c == '\r' && pos < size && bytes[pos] == '\n')
                ++pos;
            fields.append(field);
            m_pos = pos;
            return true;
        }
        if (c == '"' && field.isEmpty() && !wasQuoted) {
            inQuotes = true;
            wasQuoted = true;
            ++pos;
            continue;
        }
        field += c;
        ++pos;
        if (field.size() > m_maxFieldBytes)
            return giveUp();
    }
    if (inQuotes)
        return giveUp();
    fields.append(field);
    m_pos = pos;
    return true;
}

char detectSeparator(const QByteArray &line)
{
    int commas = 0;
    int pipes = 0;
    bool inQuotes = false;
    for (const char c : line) {
        if (c == '"')
            inQuotes = !inQuotes;
        else if (!inQuotes && c == ',')
            ++commas;
        else if (!inQuotes && c == '|')
            ++pipes;
    }
    return pipes > commas ? '|' : ',';
}

} // namespace difusor::cuts
