#pragma once

#include <QCoreApplication>

namespace difusor {

// Translation context for code that is not a QObject (Qt Creator's Tr struct).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(difusor::Tr)
};

} // namespace difusor
