#include "connections/passworddialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace JobDeck {

PasswordDialog::PasswordDialog(const ConnectionProfile &profile,
                               const QString &keychainProblem,
                               QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_keychainProblem(keychainProblem)
    , m_prompt(new QLabel(this))
    , m_secretLabel(new QLabel(this))
    , m_secret(new QLineEdit(this))
    , m_remember(new QCheckBox(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("passwordDialog"));
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secretLabel->setBuddy(m_secret);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setChecked(keychainProblem.isEmpty());
    m_remember->setVisible(keychainProblem.isEmpty());
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setVisible(!keychainProblem.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_secret, &QLineEdit::textChanged, ok, [ok](const QString &text) {
        ok->setEnabled(!text.isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(m_secretLabel);
    layout->addWidget(m_secret);
    layout->addWidget(m_remember);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    retranslateUi();
    setMinimumWidth(420);
}

QString PasswordDialog::secret() const
{
    return m_secret->text();
}

bool PasswordDialog::remember() const
{
    return m_keychainProblem.isEmpty() && m_remember->isChecked();
}

void PasswordDialog::retranslateUi()
{
    const bool token = m_profile.auth == ConnectionProfile::Auth::Token;
    setWindowTitle(token ? tr("Token for %1").arg(m_profile.name)
                         : tr("Password for %1").arg(m_profile.name));
    const QString where = m_profile.url.toDisplayString();
    m_prompt->setText(m_profile.user.isEmpty() ? tr("Connecting to %1.").arg(where)
                                               : tr("Connecting to %1 as %2.").arg(where, m_profile.user));
    m_secretLabel->setText(token ? tr("&Token:") : tr("&Password:"));
    m_remember->setText(tr("&Remember in the system keychain"));
    m_problem->setText(tr("It cannot be remembered: %1").arg(m_keychainProblem));
}

void PasswordDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace JobDeck
