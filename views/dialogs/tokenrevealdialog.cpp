// SPDX-License-Identifier: MIT
#include "tokenrevealdialog.h"

#include "accounts/accountsui.h"
#include "clustertitle.h"
#include "panes/banner.h"
#include "panes/hintlabel.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

using std::chrono::milliseconds;

// A single-shot timer on the dialog's clock. A QTimer wakes it; it fires only once its deadline
// has passed on that clock (a coarse QTimer may wake a little early), and advanceClock() checks
// every one at once.
class TokenRevealTimer final : public QObject {
public:
    explicit TokenRevealTimer(QObject* parent)
        : QObject(parent)
    {
        m_wakeUp.setSingleShot(true);
        connect(&m_wakeUp, &QTimer::timeout, this, &TokenRevealTimer::check);
        all().append(this);
    }
    ~TokenRevealTimer() override { all().removeOne(this); }

    // What runs when the deadline has passed.
    void onDue(std::function<void()> due) { m_due = std::move(due); }

    static std::chrono::steady_clock::time_point now()
    {
        return std::chrono::steady_clock::now() + skipped();
    }

    void start(milliseconds delay)
    {
        m_deadline = now() + delay;
        m_active = true;
        m_wakeUp.start(delay);
    }
    void stop()
    {
        m_active = false;
        m_wakeUp.stop();
    }
    bool isActive() const { return m_active; }
    milliseconds remaining() const
    {
        return std::max(milliseconds(0), std::chrono::ceil<milliseconds>(m_deadline - now()));
    }

    static void advance(milliseconds elapsed)
    {
        skipped() += elapsed;
        // A due callback may start or delete timers: go through the ones there were.
        QList<QPointer<TokenRevealTimer>> timers;
        for (TokenRevealTimer* timer : std::as_const(all()))
            timers.append(timer);
        for (const QPointer<TokenRevealTimer>& timer : std::as_const(timers)) {
            if (timer)
                timer->check();
        }
    }

private:
    static milliseconds& skipped()
    {
        static milliseconds time { 0 };
        return time;
    }
    static QList<TokenRevealTimer*>& all()
    {
        static QList<TokenRevealTimer*> timers;
        return timers;
    }

    void check()
    {
        if (!m_active)
            return;
        const milliseconds left = remaining();
        if (left > milliseconds(0)) {
            m_wakeUp.start(left);
            return;
        }
        stop();
        if (m_due)
            m_due();
    }

    std::function<void()> m_due;
    QTimer m_wakeUp;
    std::chrono::steady_clock::time_point m_deadline;
    bool m_active = false;
};

namespace {

// Compared instead of the value itself, so the pending clear keeps no copy of the token.
QByteArray digest(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    const QByteArray hash = QCryptographicHash::hash(utf8, QCryptographicHash::Sha256);
    std::fill(utf8.begin(), utf8.end(), '\0');
    return hash;
}

void clearClipboardIfStill(const QByteArray& expected)
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return;
    const QString current = clipboard->text(QClipboard::Clipboard);
    if (!current.isEmpty() && digest(current) == expected)
        clipboard->clear(QClipboard::Clipboard);
}

// The one app-wide pending clear, parented to the application so closing the dialog right after
// copying (to go and paste) does not cancel it. A new copy replaces it.
QPointer<TokenRevealTimer>& pendingClear()
{
    static QPointer<TokenRevealTimer> pending;
    return pending;
}

void scheduleClipboardClear(const QByteArray& expected, milliseconds delay)
{
    QPointer<TokenRevealTimer>& pending = pendingClear();
    if (pending) {
        pending->stop();
        pending->deleteLater();
    }
    auto* timer = new TokenRevealTimer(QCoreApplication::instance());
    timer->onDue([timer, expected] {
        clearClipboardIfStill(expected);
        timer->deleteLater();
    });
    pending = timer;
    // Leaving the app does not leave the token behind in the clipboard either.
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, timer,
        [expected] { clearClipboardIfStill(expected); });
    timer->start(delay);
}

} // namespace

TokenRevealDialog::TokenRevealDialog(
    QString value, const AgentToken& token, const Cluster& cluster, QWidget* parent)
    : QDialog(parent)
    , m_value(std::move(value))
    , m_field(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_done(new QPushButton(tr("Done"), this))
    , m_copyStatus(new HintLabel(this))
    , m_copyFeedback(new TokenRevealTimer(this))
{
    setObjectName(QStringLiteral("tokenRevealDialog"));
    setWindowTitle(tr("Agent Token Created"));

    auto* heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("headingLabel"));
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::PlainText);
    const QString clusterName = clusterTitle(cluster);
    heading->setText(token.description.isEmpty()
            ? tr("New agent token for the cluster %1.").arg(clusterName)
            : tr("New agent token “%1” for the cluster %2.").arg(token.description, clusterName));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto* warning = new Banner(this);
    warning->setObjectName(QStringLiteral("warningBanner"));
    warning->label()->setObjectName(QStringLiteral("warningLabel"));
    warning->setTone(Tone::Warning);
    warning->setBold(true);
    warning->setText(tr("This is the only time the token is shown. Copy it now and keep it "
                        "somewhere safe, such as your secret manager."));

    m_field->setObjectName(QStringLiteral("tokenValueField"));
    m_field->setReadOnly(true);
    m_field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_field->setAccessibleName(tr("Agent token value"));
    m_field->setText(m_value);
    m_field->setCursorPosition(0);
    m_field->setMinimumWidth(QFontMetrics(m_field->font()).averageCharWidth() * 48);
    // No context menu: its Copy would bypass the clipboard clearing below.
    m_field->setContextMenuPolicy(Qt::NoContextMenu);

    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setAccessibleName(tr("Copy token"));
    m_copy->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    m_copy->setAutoDefault(false);
    m_copy->setDefault(false);
    connect(m_copy, &QPushButton::clicked, this, &TokenRevealDialog::copyToClipboard);

    auto* valueRow = new QHBoxLayout;
    valueRow->addWidget(m_field, 1);
    valueRow->addWidget(m_copy);

    m_copyStatus->setObjectName(QStringLiteral("copyStatusLabel"));
    m_copyFeedback->onDue([this] { resetCopyButton(); });

    auto* usage = new QLabel(tr("Agents use it as their token: BUILDKITE_AGENT_TOKEN, or token= in "
                                "buildkite-agent.cfg."),
        this);
    usage->setObjectName(QStringLiteral("usageLabel"));
    usage->setWordWrap(true);
    usage->setForegroundRole(QPalette::PlaceholderText);

    m_done->setObjectName(QStringLiteral("doneButton"));
    m_done->setAccessibleName(tr("Done"));
    m_done->setAutoDefault(false);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_done, QDialogButtonBox::AcceptRole);
    connect(m_done, &QPushButton::clicked, this, &TokenRevealDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(warning);
    layout->addLayout(valueRow);
    layout->addWidget(m_copyStatus);
    layout->addWidget(usage);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    m_field->setFocus();
    m_field->installEventFilter(this);

    // Synchronous: QClipboard::changed is emitted from inside the selection's setMimeData, so
    // the value is gone from PRIMARY before anything else can ask for it.
    if (QClipboard* clipboard = QGuiApplication::clipboard()) {
        connect(clipboard, &QClipboard::changed, this, [this](QClipboard::Mode mode) {
            if (mode == QClipboard::Selection)
                clearSelectionOfValue();
        });
    }
}

TokenRevealDialog::~TokenRevealDialog()
{
    clearSelectionOfValue();
    wipe();
}

void TokenRevealDialog::clearSelectionOfValue()
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard || m_value.isEmpty() || !clipboard->supportsSelection()
        || !clipboard->ownsSelection())
        return;
    const QString selected = clipboard->text(QClipboard::Selection);
    if (!selected.isEmpty() && m_value.contains(selected))
        clipboard->clear(QClipboard::Selection);
}

void TokenRevealDialog::copyToClipboard()
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard || m_value.isEmpty())
        return;
    auto* data = new QMimeData;
    // A deep copy: the clipboard's text must survive the wipe of this dialog's buffer, since the
    // user typically closes the dialog and then pastes.
    data->setText(QString(m_value.constData(), m_value.size()));
    // Asks clipboard managers (Klipper and others honouring the hint) not to keep a history copy.
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    clipboard->setMimeData(data, QClipboard::Clipboard);
    scheduleClipboardClear(digest(m_value), m_clearDelay);

    m_copied = true;
    m_copy->setText(tr("Copied"));
    m_copyFeedback->start(copyFeedbackDuration);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_clearDelay).count();
    m_copyStatus->showHint(
        tr("Copied. The clipboard is cleared in %1 seconds unless you copy something else.")
            .arg(seconds),
        Tone::Success);
    // The status line takes room the window did not have: grow (once laid out) rather than
    // squeeze the warning and the usage line.
    QTimer::singleShot(0, this, [this] { AccountsUi::growToFit(this); });
    Q_EMIT copied();
}

void TokenRevealDialog::resetCopyButton() { m_copy->setText(tr("&Copy")); }

void TokenRevealDialog::advanceClock(std::chrono::milliseconds elapsed)
{
    TokenRevealTimer::advance(elapsed);
}

std::optional<std::chrono::milliseconds> TokenRevealDialog::pendingClipboardClear()
{
    const QPointer<TokenRevealTimer>& pending = pendingClear();
    if (!pending || !pending->isActive())
        return std::nullopt;
    return pending->remaining();
}

bool TokenRevealDialog::eventFilter(QObject* watched, QEvent* event)
{
    // The standard Copy key in the field goes through copyToClipboard(), so the clipboard is
    // cleared later like after the Copy button.
    if (watched == m_field && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copyToClipboard();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void TokenRevealDialog::done(int result)
{
    // Once copied, the user has what they came for: asking again would only teach them to click
    // through the question. Only closing without a copy asks.
    if (m_confirmed || m_copied) {
        clearSelectionOfValue();
        m_field->deselect();
        QDialog::done(result);
        return;
    }
    askToClose(result);
}

void TokenRevealDialog::askToClose(int result)
{
    if (m_confirm) {
        m_confirm->raise();
        m_confirm->activateWindow();
        return;
    }
    auto* box = new QMessageBox(this);
    m_confirm = box;
    box->setObjectName(QStringLiteral("confirmCloseBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(tr("Close Token"));
    box->setText(tr("You will not see this token again."));
    box->setInformativeText(tr("You have not copied it yet. Without it, no agent can use this "
                               "token; you would have to create another."));
    QPushButton* close = box->addButton(tr("Close"), QMessageBox::AcceptRole);
    close->setObjectName(QStringLiteral("confirmCloseButton"));
    QPushButton* back = box->addButton(tr("Go Back"), QMessageBox::RejectRole);
    back->setObjectName(QStringLiteral("goBackButton"));
    box->setDefaultButton(back);
    box->setEscapeButton(back);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, close, result] {
        if (box->clickedButton() != close)
            return;
        m_confirmed = true;
        clearSelectionOfValue();
        m_field->deselect();
        QDialog::done(result);
    });
    box->open();
}

void TokenRevealDialog::wipe()
{
    // Overwrite the characters in place. Writing through the shared buffer also blanks every
    // implicitly shared copy (the line edit's text, its layout), which is the point. Literals
    // (static, read-only data) are skipped: they are not secrets anyway.
    if (!m_value.isEmpty() && m_value.data_ptr().isMutable()) {
        auto* chars = const_cast<char16_t*>(reinterpret_cast<const char16_t*>(m_value.constData()));
        std::fill(chars, chars + m_value.size(), u'\0');
    }
    m_field->clear();
    m_value.clear();
}
