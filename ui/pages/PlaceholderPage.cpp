#include "PlaceholderPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace difusor::ui {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &whatItWillShow, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("placeholderPage"));
    auto *heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped()), this);
    auto *soon = new QLabel(tr("Disponible próximamente"), this);
    soon->setObjectName(QStringLiteral("soon"));
    QFont font = soon->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    soon->setFont(font);
    soon->setAlignment(Qt::AlignCenter);
    auto *what = new QLabel(whatItWillShow, this);
    what->setWordWrap(true);
    what->setAlignment(Qt::AlignCenter);
    what->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addStretch(1);
    layout->addWidget(soon);
    layout->addWidget(what);
    layout->addStretch(2);
}

} // namespace difusor::ui
