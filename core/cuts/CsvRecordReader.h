#pragma once

#include <QByteArray>
#include <QList>

namespace difusor::cuts {

// Reads delimited records out of an in-memory byte buffer: a separator of one byte, double-quoted
// fields ("" escapes a quote, line ends allowed inside quotes), records ended by \r, \n or \r\n.
// Bounded: a field longer than maxFieldBytes or a record with more than maxFields fields is reported
// as malformed and skipped up to the next line end, so one bad record never swallows the file.
class CsvRecordReader final
{
public:
    CsvRecordReader(const QByteArray &data, qsizetype start, int maxFields, int maxFieldBytes);

    void setSeparator(char separator) { m_separator = separator; }
    char separator() const { return m_separator; }
    bool atEnd() const { return m_pos >= m_data->size(); }
    qsizetype position() const { return m_pos; }

    // The next record into fields (a blank line gives one empty field). False at the end.
    // malformed is set when the record was cut short by a limit or an unterminated quote.
    bool next(QList<QByteArray> &fields, bool &malformed);

private:
    void skipToLineEnd(qsizetype from);

    const QByteArray *m_data;
    qsizetype m_pos = 0;
    int m_maxFields;
    int m_maxFieldBytes;
    char m_separator = ',';
};

// ',' or '|': whichever appears more often outside double quotes in line (ties: ',').
char detectSeparator(const QByteArray &line);

} // namespace difusor::cuts
