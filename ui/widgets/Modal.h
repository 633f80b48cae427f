#pragma once

#include <QDialogButtonBox>
#include <QString>

#include <functional>
#include <optional>

class QDialog;
class QWidget;

namespace difusor::ui {

// Every modal question of the console goes through here: the dialog is shown with QDialog::open()
// (no nested event loop) and the answer arrives in a callback. A GUI test can queue the next answer
// first (as KeePassXC's MessageBox::setNextAnswer); then no dialog is shown and the callback gets it.
class Modal final
{
public:
    using Callback = std::function<void(int result)>;

    // The next openDialog() answers `result` (QDialog::Accepted/Rejected or a button role) at once.
    static void setNextAnswer(int result);
    static bool hasNextAnswer();
    static void clearNextAnswer();

    // Shows `dialog` window-modal (deleted after it closes) and calls `done` with its result.
    // `done` is called on the next event loop turn even when a queued answer is used, so callers
    // behave the same in tests and in use.
    static void openDialog(QDialog *dialog, const Callback &done);

    // A yes/no question; `done(true)` for yes.
    static void question(QWidget *parent, const QString &title, const QString &text,
                         const std::function<void(bool yes)> &done);
    // An error or notice with only a close button.
    static void error(QWidget *parent, const QString &title, const QString &text);

private:
    static std::optional<int> takeNextAnswer();
};

} // namespace difusor::ui
