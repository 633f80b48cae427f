#pragma once

#include <QString>

namespace difusor::ui {

// One thing the technician must be told about, as the notifier and the in-window banner show it. The
// incident model makes these; neither the notifier nor the banner knows what an incident is.
struct Alert
{
    QString key;      // stable id while the condition lasts, e.g. "incident:42"; the same key updates in place
    QString severity; // "critical" | "major" | "minor" (anything else is shown as "major")
    QString title;    // one line, e.g. "Sitio oficial sin respuesta (prep-1)"
    QString body;     // plain text, may be empty

    // Same text and severity: showing it again changes nothing.
    bool sameContent(const Alert &other) const
    {
        return severity == other.severity && title == other.title && body == other.body;
    }
};

} // namespace difusor::ui
