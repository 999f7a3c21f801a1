#include "editor/variablesdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace JobDeck {

VariablesDialog::VariablesDialog(const QStringList &names,
                                 const QMap<QString, QString> &remembered,
                                 QWidget *parent)
    : QDialog(parent)
    , m_names(names)
    , m_intro(new QLabel(this))
{
    setObjectName(QStringLiteral("variablesForm"));
    auto *layout = new QVBoxLayout(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout;
    for (const QString &name : names) {
        auto *field = new QLineEdit(remembered.value(name), this);
        field->setObjectName(u"variable:" + name);
        auto *label = new QLabel(QStringLiteral("${%1}").arg(name), this);
        label->setBuddy(field);
        form->addRow(label, field);
        m_fields.append(field);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("variablesButtons"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!m_fields.isEmpty()) {
        m_fields.constFirst()->setFocus();
        m_fields.constFirst()->selectAll();
    }
    retranslateUi();
}

QMap<QString, QString> VariablesDialog::values() const
{
    QMap<QString, QString> values;
    for (qsizetype i = 0; i < m_names.size(); ++i)
        values.insert(m_names[i], m_fields[i]->text());
    return values;
}

QLineEdit *VariablesDialog::field(const QString &name) const
{
    const qsizetype i = m_names.indexOf(name);
    return i < 0 ? nullptr : m_fields[i];
}

void VariablesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void VariablesDialog::retranslateUi()
{
    setWindowTitle(tr("Script Variables"));
    m_intro->setText(tr("The server puts these values in place of the script's variables:"));
}

} // namespace JobDeck
