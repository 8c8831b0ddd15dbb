using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Admin;

/// <summary>/admin: where an administrator starts, with what needs attention first.</summary>
[Authorize(Roles = HubRoles.Admin)]
public sealed class AdminIndexModel(ReadAdminOverview overview, ViewerClock clock, HubDbContext db) : HubPageModel
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
                list.Add($"{State.Outbox.FailedRecently} {Plural(State.Outbox.FailedRecently, "email")} could not be sent");
            }
            if (State.Outbox.Retrying > 0)
            {
                list.Add($"{State.Outbox.Retrying} {Plural(State.Outbox.Retrying, "email")} waiting to be tried again");
            }
            if (State.Webhooks.Failing.Count > 0)
            {
                list.Add($"{State.Webhooks.Failing.Count} chat {Plural(State.Webhooks.Failing.Count, "webhook")} failing");
            }
            if (State.Handbook.LastImport is { FinishedAt: not null, Succeeded: false } last)
            {
                list.Add($"the last handbook import ended \"{Handbook.ReadImportStatus.Outcome(last)}\"");
            }
            if (State.Commons.Treasurers == 0)
            {
                list.Add("the commons has no treasurer");
            }
            return list;
        }
    }

    public static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
