#pragma once

#include <QWidget>

namespace difusor::ui {

// Stands in for a page that is not built yet: says so honestly instead of showing fake data.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &whatItWillShow, QWidget *parent = nullptr);
};

} // namespace difusor::ui
