// SPDX-License-Identifier: MIT
#include "sandboxfaults.h"

#include "sandboxlogging.h"
#include "sandboxrequest.h"

bool SandboxFaults::add(SandboxFault fault)
{
    if (fault.remaining == 0)
        return false;
    if (!fault.pattern.isValid()) {
        qCWarning(lcSandbox).noquote()
            << "ignoring an invalid path pattern:" << fault.pattern.pattern()
            << fault.pattern.errorString();
        return false;
    }
    fault.verb = fault.verb.toUpper();
    m_faults.append(std::move(fault));
    return true;
}

std::optional<SandboxFault> SandboxFaults::take(const SandboxRequest& request)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        SandboxFault& f = m_faults[i];
        if (!f.verb.isEmpty() && f.verb != request.verb)
            continue;
        if (!f.pattern.match(request.path).hasMatch())
            continue;
        const SandboxFault taken = f;
        if (f.remaining > 0 && --f.remaining == 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}
