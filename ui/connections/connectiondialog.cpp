#include "connections/connectiondialog.h"

#include "backends/backend.h"
#include "backends/backendfactory.h"
#include "core/serverzone.h"
#include "profiles/profilestore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace JobDeck {

namespace {

// The kinds a profile can have; the local server is built in and has no profile.
struct KindInfo
{
    const char *kind;
    const char *label; // product names, the same in every language
    const char *urlExample;
};
constexpr KindInfo Kinds[] = {
    {"linkis", "Linkis", "http://gateway:9001"},
    {"kylin", "Kylin", "http://kylin:7070"},
    {"dinky", "Dinky", "http://dinky:8888"},
    {"sqlflow", "SQLFlow", "https://api.gudusoft.com"},
};

const char *const DbVendors[] = {
    "dbvhive",       "dbvmssql",    "dbvoracle",   "dbvmysql",    "dbvpostgresql", "dbvsnowflake",
    "dbvbigquery",   "dbvsparksql", "dbvimpala",   "dbvredshift", "dbvteradata",   "dbvdb2",
    "dbvgreenplum",  "dbvnetezza",  "dbvvertica",  "dbvpresto",   "dbvathena",     "dbvdatabricks",
    "dbvclickhouse", "dbvhana",     "dbvazuresql", "dbvsybase",   "dbvinformix",   "dbvgaussdb",
};

constexpr auto DinkyDefaultZone = "GMT+8";
constexpr auto ListDataLocal = "\x01local"; // the built-in entry's marker, never a profile name

void setRowLabel(QFormLayout *form, QWidget *field, const QString &text)
{
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(field)))
        label->setText(text);
}

} // namespace

ConnectionDialog::ConnectionDialog(ProfileStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("connectionDialog"));
    buildUi();
    retranslateUi();
    reloadList({});
    const QStringList names = ProfileStore::names();
    selectProfile(names.isEmpty() ? QString() : names.constFirst());
    connect(m_store, &ProfileStore::changed, this, [this] { reloadList(m_editing); });
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::buildUi()
{
    m_listLabel = new QLabel(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_listLabel->setBuddy(m_list);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_duplicate = new QPushButton(this);
    m_duplicate->setObjectName(QStringLiteral("duplicateButton"));
    m_rename = new QPushButton(this);
    m_rename->setObjectName(QStringLiteral("renameButton"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    for (QPushButton *button : {m_add, m_duplicate, m_rename, m_remove})
        button->setAutoDefault(false);

    auto *listButtons = new QGridLayout;
    listButtons->addWidget(m_add, 0, 0);
    listButtons->addWidget(m_duplicate, 0, 1);
    listButtons->addWidget(m_rename, 1, 0);
    listButtons->addWidget(m_remove, 1, 1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_listLabel);
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    const auto lineEdit = [this](const char *name) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1StringView(name));
        return edit;
    };
    m_name = lineEdit("nameEdit");
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    for (const KindInfo &info : Kinds)
        m_kind->addItem(QLatin1StringView(info.label), QLatin1StringView(info.kind));
    m_url = lineEdit("urlEdit");
    m_user = lineEdit("userEdit");
    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("authCombo"));
    m_auth->addItem(QString(), QStringLiteral("password"));
    m_auth->addItem(QString(), QStringLiteral("token"));
    m_secret = lineEdit("secretEdit");
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setClearButtonEnabled(true);
    m_proxyUser = lineEdit("proxyUserEdit");
    m_creator = lineEdit("creatorEdit");
    m_project = lineEdit("projectEdit");
    m_kylinVersion = new QComboBox(this);
    m_kylinVersion->setObjectName(QStringLiteral("kylinVersionCombo"));
    m_kylinVersion->addItem(QString(), QString());
    for (const char *version : {"2.1", "3", "4", "5"})
        m_kylinVersion->addItem(QLatin1StringView(version), QLatin1StringView(version));
    m_tenant = lineEdit("tenantEdit");
    m_dinkyVersion = new QComboBox(this);
    m_dinkyVersion->setObjectName(QStringLiteral("dinkyVersionCombo"));
    m_dinkyVersion->addItem(QString(), QString());
    for (const char *version : {"0.7", "1"})
        m_dinkyVersion->addItem(QLatin1StringView(version), QLatin1StringView(version));
    m_dbVendor = new QComboBox(this);
    m_dbVendor->setObjectName(QStringLiteral("dbVendorCombo"));
    m_dbVendor->setEditable(true);
    m_dbVendor->setInsertPolicy(QComboBox::NoInsert);
    for (const char *vendor : DbVendors)
        m_dbVendor->addItem(QLatin1StringView(vendor));
    m_timeZone = new QComboBox(this);
    m_timeZone->setObjectName(QStringLiteral("timeZoneCombo"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    m_timeZone->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_timeZone->setMinimumContentsLength(26); // the placeholder stays whole
    m_timeZone->addItem(QString());
    for (const char *zone : {"Asia/Shanghai", "UTC+08:00", "UTC", "Europe/Berlin", "America/New_York"})
        m_timeZone->addItem(QLatin1StringView(zone));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeout->setRange(1, 600);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    for (QWidget *field : std::initializer_list<QWidget *>{m_name,
                                                           m_kind,
                                                           m_url,
                                                           m_user,
                                                           m_auth,
                                                           m_secret,
                                                           m_proxyUser,
                                                           m_creator,
                                                           m_project,
                                                           m_kylinVersion,
                                                           m_tenant,
                                                           m_dinkyVersion,
                                                           m_dbVendor,
                                                           m_timeZone,
                                                           m_timeout})
        m_form->addRow(QStringLiteral("-"), field);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(fontMetrics().lineSpacing() * 3);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setAutoDefault(false);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    auto *formButtons = new QHBoxLayout;
    formButtons->addWidget(m_test);
    formButtons->addStretch(1);
    formButtons->addWidget(m_save);
    auto *right = new QVBoxLayout;
    right->addLayout(m_form);
    right->addWidget(m_status);
    right->addStretch(1);
    right->addLayout(formButtons);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addSpacing(12);
    columns->addLayout(right, 5);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(columns, 1);
    outer->addWidget(buttons);

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item || item->data(Qt::UserRole).toString() == QLatin1StringView(ListDataLocal))
            return;
        const QString name = item->data(Qt::UserRole).toString();
        if (name != m_editing)
            showProfile(ProfileStore::load(name));
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateKindFields);
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] {
        updateSecretPlaceholder();
        retranslateUi();
    });
    connect(m_add, &QPushButton::clicked, this, &ConnectionDialog::addProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ConnectionDialog::duplicateProfile);
    connect(m_rename, &QPushButton::clicked, this, &ConnectionDialog::renameProfile);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeProfile);
    connect(m_save, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    resize(860, 540);
}

void ConnectionDialog::retranslateUi()
{
    setWindowTitle(tr("Connections"));
    m_listLabel->setText(tr("&Saved connections:"));
    m_add->setText(tr("&Add"));
    m_duplicate->setText(tr("&Duplicate"));
    m_rename->setText(tr("Rena&me"));
    m_remove->setText(tr("&Remove"));
    const bool token = m_auth->currentData().toString() == u"token";
    setRowLabel(m_form, m_name, tr("&Name:"));
    setRowLabel(m_form, m_kind, tr("&Kind:"));
    setRowLabel(m_form, m_url, tr("&URL:"));
    setRowLabel(m_form, m_user, tr("Us&er:"));
    setRowLabel(m_form, m_auth, tr("Sign in &with:"));
    setRowLabel(m_form, m_secret, token ? tr("T&oken:") : tr("&Password:"));
    setRowLabel(m_form, m_proxyUser, tr("Pro&xy user:"));
    setRowLabel(m_form, m_creator, tr("&Creator:"));
    setRowLabel(m_form, m_project, tr("Pro&ject:"));
    setRowLabel(m_form, m_kylinVersion, tr("Server &version:"));
    setRowLabel(m_form, m_tenant, tr("Tenant &ID:"));
    setRowLabel(m_form, m_dinkyVersion, tr("Server &version:"));
    setRowLabel(m_form, m_dbVendor, tr("Data&base vendor:"));
    setRowLabel(m_form, m_timeZone, tr("Server time &zone:"));
    setRowLabel(m_form, m_timeout, tr("Re&quest timeout:"));
    m_auth->setItemText(0, tr("Password"));
    m_auth->setItemText(1, tr("Token"));
    m_kylinVersion->setItemText(0, tr("Detect"));
    m_dinkyVersion->setItemText(0, tr("Detect"));
    m_timeout->setSuffix(tr(" s"));
    m_name->setPlaceholderText(tr("e.g. Production"));
    m_proxyUser->setPlaceholderText(tr("the user jobs run as; empty = the user above"));
    m_creator->setPlaceholderText(QStringLiteral("IDE"));
    m_project->setPlaceholderText(tr("empty = every project you can see"));
    m_tenant->setPlaceholderText(tr("empty = 1"));
    m_kylinVersion->setToolTip(tr("Which Kylin generation the server is; detected once per connection"));
    m_dinkyVersion->setToolTip(tr("Which Dinky generation the server is; detected once per connection"));
    m_timeZone->setToolTip(
        tr("The zone of the times the server sends without one: an IANA name such as Asia/Shanghai, or "
           "UTC+08:00"));
    m_test->setText(tr("&Test Connection"));
    m_test->setToolTip(tr("Connect with these settings, without saving them"));
    m_save->setText(tr("&Save"));
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (item->data(Qt::UserRole).toString() == QLatin1StringView(ListDataLocal)) {
            item->setText(tr("Local (built in)"));
            item->setToolTip(tr("The local job server on this computer: always there, nothing to set up"));
        }
    }
    updateKindFields();
    updateSecretPlaceholder();
}

void ConnectionDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

QString ConnectionDialog::currentKind() const
{
    return m_kind->currentData().toString();
}

void ConnectionDialog::updateKindFields()
{
    const QString kind = currentKind();
    const bool linkis = kind == u"linkis";
    const bool kylin = kind == u"kylin";
    const bool dinky = kind == u"dinky";
    const bool sqlflow = kind == u"sqlflow";
    m_form->setRowVisible(m_proxyUser, linkis);
    m_form->setRowVisible(m_creator, linkis);
    m_form->setRowVisible(m_project, kylin);
    m_form->setRowVisible(m_kylinVersion, kylin);
    m_form->setRowVisible(m_tenant, dinky);
    m_form->setRowVisible(m_dinkyVersion, dinky);
    m_form->setRowVisible(m_dbVendor, sqlflow);
    m_form->setRowVisible(m_timeZone, dinky || sqlflow);
    m_timeZone->lineEdit()->setPlaceholderText(
        dinky ? tr("%1 (Dinky's default)").arg(QLatin1StringView(DinkyDefaultZone))
              : tr("the server's default"));
    for (const KindInfo &info : Kinds) {
        if (kind == QLatin1StringView(info.kind))
            m_url->setPlaceholderText(tr("e.g. %1").arg(QLatin1StringView(info.urlExample)));
    }
}

void ConnectionDialog::updateSecretPlaceholder()
{
    const bool token = m_auth->currentData().toString() == u"token";
    if (m_hasSecret)
        m_secret->setPlaceholderText(
            token ? tr("a token is stored in the system keychain; type to replace it")
                  : tr("a password is stored in the system keychain; type to replace it"));
    else if (!m_secretSource.isEmpty())
        m_secret->setPlaceholderText(tr("kept from the copied connection; type to replace it"));
    else
        m_secret->setPlaceholderText(tr("kept in the system keychain on Save"));
}

void ConnectionDialog::updateButtons()
{
    const bool saved = !m_editing.isEmpty();
    m_duplicate->setEnabled(saved);
    m_rename->setEnabled(saved);
    m_remove->setEnabled(saved);
}

void ConnectionDialog::setStatus(Status kind, const QString &text)
{
    m_statusKind = kind;
    // Colours from the palette's own roles where they exist, so dark themes stay readable.
    QString colour;
    switch (kind) {
    case Status::Success:
        colour = QStringLiteral("#2e7d32");
        break;
    case Status::Error:
        colour = QStringLiteral("#c62828");
        break;
    default:
        break;
    }
    m_status->setStyleSheet(colour.isEmpty() ? QString() : u"color: " + colour);
    m_status->setText(text);
}

QString ConnectionDialog::statusText() const
{
    return m_status->text();
}

void ConnectionDialog::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    auto *local = new QListWidgetItem(m_list);
    local->setData(Qt::UserRole, QLatin1StringView(ListDataLocal));
    local->setFlags(Qt::ItemIsEnabled); // shown, never edited
    QFont italic = local->font();
    italic.setItalic(true);
    local->setFont(italic);
    const QStringList names = ProfileStore::names();
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_list);
        item->setData(Qt::UserRole, name);
        if (const auto profile = ProfileStore::load(name))
            item->setToolTip(profile->kind + u"  " + profile->url.toDisplayString());
        if (name == select)
            m_list->setCurrentItem(item);
    }
    retranslateUi();
}

void ConnectionDialog::selectProfile(const QString &name)
{
    const std::optional<ConnectionProfile> profile = ProfileStore::load(name);
    reloadList(profile ? name : QString());
    showProfile(profile);
}

void ConnectionDialog::showProfile(const std::optional<ConnectionProfile> &profile)
{
    ConnectionProfile shown = profile.value_or(ConnectionProfile{});
    if (!profile)
        shown.kind = QStringLiteral("linkis");
    m_editing = profile ? profile->name : QString();
    m_secretSource.clear();
    m_hasSecret = false;
    m_name->setText(shown.name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(shown.kind)));
    m_url->setText(shown.url.toString());
    m_user->setText(shown.user);
    m_auth->setCurrentIndex(shown.auth == ConnectionProfile::Auth::Token ? 1 : 0);
    m_secret->clear();
    m_proxyUser->setText(shown.proxyUser);
    m_creator->setText(shown.creator);
    m_project->setText(shown.project);
    m_kylinVersion->setCurrentIndex(
        shown.kind == u"kylin" ? std::max(0, m_kylinVersion->findData(shown.serverVersion)) : 0);
    m_tenant->setText(shown.tenantId);
    m_dinkyVersion->setCurrentIndex(
        shown.kind == u"dinky" ? std::max(0, m_dinkyVersion->findData(shown.serverVersion)) : 0);
    m_dbVendor->setCurrentText(shown.dbVendor.isEmpty() ? QStringLiteral("dbvhive") : shown.dbVendor);
    m_timeZone->setCurrentText(shown.serverTimeZone);
    m_timeout->setValue(std::clamp(shown.requestTimeoutMs / 1000, 1, 600));
    updateKindFields();
    updateSecretPlaceholder();
    updateButtons();
    setStatus(Status::None, {});
    if (!profile)
        return;
    // Whether a secret is stored decides what the blank field means; the secret itself is
    // never put into the field.
    const QString name = profile->name;
    onFinished(m_store->readSecret(name), this, [this, name](const Result<QString> &secret) {
        if (m_editing != name)
            return;
        if (!secret) {
            setStatus(Status::Error, secret.error().message);
            return;
        }
        m_hasSecret = !secret->isEmpty();
        updateSecretPlaceholder();
    });
}

QString ConnectionDialog::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2; ProfileStore::contains(name); ++n)
        name = tr("%1 %2").arg(base).arg(n);
    return name;
}

void ConnectionDialog::addProfile()
{
    m_list->setCurrentItem(nullptr);
    showProfile(std::nullopt);
    m_name->setText(uniqueName(tr("New connection")));
    m_name->setFocus();
    m_name->selectAll();
    setStatus(Status::Info, tr("Fill in the new connection, then Save."));
}

void ConnectionDialog::duplicateProfile()
{
    if (m_editing.isEmpty())
        return;
    const QString original = m_editing;
    const bool hadSecret = m_hasSecret;
    m_list->setCurrentItem(nullptr);
    m_editing.clear();
    m_hasSecret = false;
    m_secretSource = hadSecret ? original : QString();
    m_name->setText(uniqueName(tr("%1 (copy)").arg(original)));
    m_name->setFocus();
    m_name->selectAll();
    updateSecretPlaceholder();
    updateButtons();
    setStatus(Status::Info, tr("A copy of “%1”: change what differs, then Save.").arg(original));
}

void ConnectionDialog::renameProfile()
{
    if (m_editing.isEmpty())
        return;
    m_name->setFocus();
    m_name->selectAll();
    setStatus(Status::Info, tr("Type the new name, then Save. The stored password moves with it."));
}

void ConnectionDialog::removeProfile()
{
    if (m_editing.isEmpty())
        return;
    const QString name = m_editing;
    auto *question = new QMessageBox(QMessageBox::Question,
                                     tr("Remove Connection"),
                                     tr("Remove the connection “%1” and its stored password?").arg(name),
                                     QMessageBox::Cancel,
                                     this);
    question->setObjectName(QStringLiteral("removeQuestion"));
    QPushButton *remove = question->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, remove, name] {
        if (question->clickedButton() != remove)
            return;
        setStatus(Status::Busy, tr("Removing “%1”…").arg(name));
        onFinished(m_store->remove(name), this, [this, name](const Result<bool> &removed) {
            if (!removed) {
                setStatus(Status::Error, tr("Cannot remove “%1”: %2").arg(name, removed.error().message));
                return;
            }
            const QStringList names = ProfileStore::names();
            selectProfile(names.isEmpty() ? QString() : names.constFirst());
            setStatus(Status::Success, tr("Removed “%1”.").arg(name));
        });
    });
    question->open();
}

std::optional<ConnectionProfile> ConnectionDialog::profileFromForm(QString *problem, QWidget **field) const
{
    ConnectionProfile profile;
    profile.name = m_name->text();
    if (const QString nameProblem = ProfileStore::nameProblem(profile.name); !nameProblem.isEmpty()) {
        *problem = nameProblem;
        *field = m_name;
        return std::nullopt;
    }
    profile.kind = currentKind();
    const QString url = m_url->text().trimmed();
    profile.url = QUrl::fromUserInput(url);
    if (url.isEmpty() || !profile.url.isValid() || profile.url.host().isEmpty()
        || (profile.url.scheme() != u"http" && profile.url.scheme() != u"https")) {
        for (const KindInfo &info : Kinds) {
            if (profile.kind == QLatin1StringView(info.kind))
                *problem = tr("Type the address users open in a browser, e.g. %1.")
                               .arg(QLatin1StringView(info.urlExample));
        }
        *field = m_url;
        return std::nullopt;
    }
    profile.user = m_user->text().trimmed();
    profile.auth = m_auth->currentData().toString() == u"token" ? ConnectionProfile::Auth::Token
                                                                : ConnectionProfile::Auth::Password;
    profile.secret = m_secret->text();
    profile.requestTimeoutMs = m_timeout->value() * 1000;
    if (profile.kind == u"linkis") {
        profile.proxyUser = m_proxyUser->text().trimmed();
        profile.creator
            = m_creator->text().trimmed().isEmpty() ? QStringLiteral("IDE") : m_creator->text().trimmed();
    } else if (profile.kind == u"kylin") {
        profile.project = m_project->text().trimmed();
        profile.serverVersion = m_kylinVersion->currentData().toString();
    } else if (profile.kind == u"dinky") {
        profile.tenantId = m_tenant->text().trimmed();
        profile.serverVersion = m_dinkyVersion->currentData().toString();
        profile.serverTimeZone = m_timeZone->currentText().trimmed();
    } else if (profile.kind == u"sqlflow") {
        profile.dbVendor = m_dbVendor->currentText().trimmed();
        profile.serverTimeZone = m_timeZone->currentText().trimmed();
        if (!profile.dbVendor.startsWith(u"dbv")) {
            *problem = tr("A database vendor is a SQLFlow name such as dbvhive or dbvoracle.");
            *field = m_dbVendor;
            return std::nullopt;
        }
    }
    if (!profile.tenantId.isEmpty()) {
        bool number = false;
        profile.tenantId.toLongLong(&number);
        if (!number) {
            *problem = tr("A Dinky tenant is a number, e.g. 1.");
            *field = m_tenant;
            return std::nullopt;
        }
    }
    if (!profile.serverTimeZone.isEmpty() && !parseServerZone(profile.serverTimeZone).isValid()) {
        *problem = tr("“%1” is not a time zone JobDeck knows; use a name such as Asia/Shanghai or an "
                      "offset such as UTC+08:00 or GMT+8.")
                       .arg(profile.serverTimeZone);
        *field = m_timeZone;
        return std::nullopt;
    }
    return profile;
}

void ConnectionDialog::saveProfile()
{
    QString problem;
    QWidget *field = nullptr;
    const std::optional<ConnectionProfile> profile = profileFromForm(&problem, &field);
    if (!profile) {
        setStatus(Status::Error, problem);
        if (field)
            field->setFocus();
        return;
    }
    if (profile->name != m_editing && ProfileStore::contains(profile->name)) {
        setStatus(Status::Error, tr("There is already a connection named “%1”.").arg(profile->name));
        m_name->setFocus();
        return;
    }
    const auto write = [this, profile = *profile] {
        QString error;
        if (!m_store->save(profile, &error)) {
            setStatus(Status::Error, error);
            return;
        }
        m_editing = profile.name;
        reloadList(profile.name);
        updateButtons();
        const QString saved = tr("Saved “%1”.").arg(profile.name);
        if (!profile.secret.isEmpty()) {
            storeSecret(profile.name, profile.secret, saved);
            return;
        }
        if (!m_secretSource.isEmpty()) { // a duplicate takes its original's secret along
            const QString source = std::exchange(m_secretSource, QString());
            onFinished(
                m_store->readSecret(source),
                this,
                [this, name = profile.name, saved](const Result<QString> &secret) {
                    if (!secret) {
                        setStatus(
                            Status::Error,
                            tr("%1 Its password was not copied: %2").arg(saved, secret.error().message));
                        return;
                    }
                    if (secret->isEmpty()) {
                        setStatus(Status::Success, saved);
                        Q_EMIT profileSaved(name);
                        return;
                    }
                    storeSecret(name, *secret, saved);
                });
            return;
        }
        setStatus(Status::Success, saved);
        Q_EMIT profileSaved(profile.name);
    };
    if (!m_editing.isEmpty() && m_editing != profile->name) {
        setStatus(Status::Busy, tr("Renaming “%1”…").arg(m_editing));
        onFinished(
            m_store->rename(m_editing, profile->name), this, [this, write](const Result<bool> &renamed) {
                if (!renamed) {
                    setStatus(Status::Error, renamed.error().message);
                    return;
                }
                write();
            });
        return;
    }
    write();
}

void ConnectionDialog::storeSecret(const QString &name, const QString &secret, const QString &savedMessage)
{
    setStatus(Status::Busy, tr("%1 Storing the password in the system keychain…").arg(savedMessage));
    onFinished(
        m_store->writeSecret(name, secret), this, [this, name, savedMessage](const Result<bool> &stored) {
            if (!stored) {
                setStatus(Status::Error,
                          tr("%1 The password was not stored: %2").arg(savedMessage, stored.error().message));
                return;
            }
            if (m_editing == name) {
                m_secret->clear();
                m_hasSecret = true;
                updateSecretPlaceholder();
            }
            setStatus(Status::Success, tr("%1 The password is in the system keychain.").arg(savedMessage));
            Q_EMIT profileSaved(name);
        });
}

void ConnectionDialog::testConnection()
{
    QString problem;
    QWidget *field = nullptr;
    std::optional<ConnectionProfile> profile = profileFromForm(&problem, &field);
    if (!profile) {
        setStatus(Status::Error, problem);
        if (field)
            field->setFocus();
        return;
    }
    const QString stored = !m_editing.isEmpty() ? m_editing : m_secretSource;
    if (profile->secret.isEmpty() && !stored.isEmpty()) {
        setStatus(Status::Busy, tr("Reading the password from the system keychain…"));
        m_test->setEnabled(false);
        onFinished(m_store->readSecret(stored),
                   this,
                   [this, profile = *profile](const Result<QString> &secret) mutable {
                       m_test->setEnabled(true);
                       if (!secret) {
                           setStatus(Status::Error, secret.error().message);
                           return;
                       }
                       profile.secret = *secret;
                       runTest(profile);
                   });
        return;
    }
    runTest(*profile);
}

void ConnectionDialog::runTest(const ConnectionProfile &profile)
{
    if (m_testBackend) // an earlier test still running: its answer no longer matters
        m_testBackend.release()->deleteLater();
    QString error;
    std::unique_ptr<Backend> backend = createBackend(profile, &error);
    if (!backend) {
        setStatus(Status::Error, error);
        return;
    }
    backend->setLanguage(m_language);
    Backend *raw = backend.get();
    m_testBackend = std::move(backend);
    m_test->setEnabled(false);
    setStatus(Status::Busy, tr("Connecting to %1…").arg(profile.url.toDisplayString()));
    onFinished(raw->connectToServer(), this, [this, raw, url = profile.url](const Result<bool> &connected) {
        if (m_testBackend.get() != raw)
            return;
        m_test->setEnabled(true);
        m_testBackend.release();
        if (connected) {
            QString message = tr("Connected to %1: the server answers and accepts the credentials.")
                                  .arg(url.toDisplayString());
            if (const QString notice = raw->connectionNotice(); !notice.isEmpty())
                message += u'\n' + notice;
            setStatus(Status::Success, message);
            // Log out again (sessions count on some servers), then let go.
            // The call deletes itself once it finished or was cancelled.
            connect(raw->disconnectFromServer(), &QObject::destroyed, raw, &QObject::deleteLater);
        } else {
            setStatus(Status::Error, tr("Cannot connect: %1").arg(connected.error().describe()));
            raw->deleteLater();
        }
    });
}

} // namespace JobDeck
