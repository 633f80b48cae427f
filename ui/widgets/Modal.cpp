#include "Modal.h"

#include "common/Tr.h"

#include <QAbstractButton>
#include <QDialog>
#include <QMessageBox>
#include <QTimer>

namespace difusor::ui {

namespace {
std::optional<int> &nextAnswer()
{
    static std::optional<int> answer;
    return answer;
}
} // namespace

void Modal::setNextAnswer(int result)
{
    nextAnswer() = result;
}

bool Modal::hasNextAnswer()
{
    return nextAnswer().has_value();
}

void Modal::clearNextAnswer()
{
    nextAnswer().reset();
}

std::optional<int> Modal::takeNextAnswer()
{
    std::optional<int> answer = nextAnswer();
    nextAnswer().reset();
    return answer;
}

void Modal::openDialog(QDialog *dialog, const Callback &done)
{
    if (const auto answer = takeNextAnswer()) {
        const int result = *answer;
        QTimer::singleShot(0, dialog, [dialog, done, result] {
            dialog->deleteLater();
            if (done)
                done(result);
        });
        return;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, dialog, [done](int result) {
        if (done)
            done(result);
    });
    dialog->open();
}

void Modal::question(QWidget *parent, const QString &title, const QString &text,
                     const std::function<void(bool yes)> &done)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, parent);
    box->setDefaultButton(QMessageBox::No);
    box->button(QMessageBox::Yes)->setText(Tr::tr("Sí"));
    box->button(QMessageBox::No)->setText(Tr::tr("No"));
    openDialog(box, [done](int result) {
        // QMessageBox::open() finishes with the StandardButton; a queued answer may be Accepted.
        if (done)
            done(result == QMessageBox::Yes || result == QDialog::Accepted);
    });
}

void Modal::error(QWidget *parent, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Close, parent);
    box->button(QMessageBox::Close)->setText(Tr::tr("Cerrar"));
    openDialog(box, {});
}

} // namespace difusor::ui
