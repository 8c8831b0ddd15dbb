using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Admin;

/// <summary>/admin: where an administrator starts, with what needs attention first.</summary>
[Authorize(Roles = HubRoles.Admin)]
public sealed class AdminIndexModel(ReadAdminOverview overview, ViewerClock clock, HubDbContext db, IStringLocalizer<Strings> strings) : HubPageModel
{
    public ReadAdminOverview.Overview State { get; private set; } = null!;
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    /// <summary>Whether this administrator is also one of the commons' treasurers, who alone open the treasury.</summary>
    public bool IsTreasurer { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Zone = await clock.ZoneAsync();
        State = await overview.RunAsync(cancel);
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        IsTreasurer = await db.CommonsRoles.AnyAsync(r => r.UserId == me && r.Role == CommonsRoleKind.Treasurer, cancel);
    }

    public string When(DateTime utc) => ViewerClock.FormatIn(utc, Zone);

    /// <summary>The parts that need someone to look, named in the summary at the top.</summary>
    public IReadOnlyList<string> Attention
    {
        get
        {
            var list = new List<string>();
            if (State.Outbox.FailedRecently > 0)
            {
                list.Add(strings.Plural("Admin.Attention.NotSent", State.Outbox.FailedRecently));
            }
            if (State.Outbox.Retrying > 0)
            {
                list.Add(strings.Plural("Admin.Attention.Retrying", State.Outbox.Retrying));
            }
            if (State.Webhooks.Failing.Count > 0)
            {
                list.Add(strings.Plural("Admin.Attention.Webhooks", State.Webhooks.Failing.Count));
            }
            if (State.Handbook.LastImport is { FinishedAt: not null, Succeeded: false } last)
            {
                list.Add(strings["Admin.Attention.Import", ImportOutcome(last)]);
            }
            if (State.Commons.Treasurers == 0)
            {
                list.Add(strings["Admin.Attention.NoTreasurer"]);
            }
            return list;
        }
    }

    /// <summary>How an import ended, in the reader's words: the handbook's own page says it the same way.</summary>
    public string ImportOutcome(HandbookImport import) => HandbookImportWords.Outcome(import, strings);
}
