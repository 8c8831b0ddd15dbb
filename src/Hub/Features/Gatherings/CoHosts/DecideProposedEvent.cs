using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings.CoHosts;

/// <summary>
/// A member proposed an event for their congregation and the congregation asks for a host's yes first: its hosts
/// hear of it, and one of them says yes (the event goes up, and is announced if public) or not this time, with a
/// message written for the proposer. Either way the other hosts' notices are done.
/// </summary>
public sealed class DecideProposedEvent(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IEnumerable<IAnnouncementSink> sinks)
{
    public const int MaxMessage = 2000;

    /// <summary>What the hosts' notices are about, so that the first decision marks them all done.</summary>
    public static string About(Guid eventId) => $"proposed-event:{eventId}";

    /// <summary>Tells the congregation's hosts, in the caller's unit of work; the caller wakes the sender after saving.</summary>
    public async Task AskHostsAsync(GatheringEvent e, Viewer proposer, CancellationToken cancellationToken)
    {
        var congregation = await db.Congregations.AsNoTracking().Where(c => c.Id == e.CongregationId).Select(c => c.Name).SingleAsync(cancellationToken);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == proposer.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var hosts = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == e.CongregationId && m.IsHost && m.UserId != proposer.UserId)
            .Select(m => new { m.UserId, m.User.Email, m.User.DisplayName }).ToListAsync(cancellationToken);
        var path = CoHostsPage.PathOf(e.Id);
        var title = $"{name} proposes an event for {congregation}: {e.Title}";
        var zone = EventTime.FindZone(e.TimeZone)!;
        await notifier.NotifyManyAsync([.. hosts.Select(h => new Notice(h.UserId, "gathering.event-proposed", title, path,
            templates.Compose(h.Email!, h.DisplayName, title,
            [
                $"{name} would like to put on “{e.Title}” for {congregation}, starting {EventTime.Format(e.StartsAt, zone)} ({e.TimeZone}).",
                $"Until a host says yes, only {name} and the hosts see it. Say yes, or not this time with a few kind words for {name}; one host's answer is enough.",
            ], ("Look at the proposal", address.Absolute(path))))
        { About = About(e.Id) })], cancellationToken);
    }

    public void Wake() => notifier.Wake();

    public async Task<Outcome> RunAsync(Viewer viewer, Guid eventId, bool approve, string? message, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e?.CongregationId is not { } congregationId || !(viewer.IsAdmin || viewer.HostedCongregations.Contains(congregationId)))
        {
            return Outcome.Refused("Only the congregation's hosts decide on a proposed event.");
        }
        if (e.Approval != EventApproval.Proposed)
        {
            return Outcome.Refused("This proposal is decided already.");
        }
        var words = (message ?? "").Trim();
        if (!approve && words == "")
        {
            return Outcome.Refused("Write a few kind words for the person who proposed it: why not this time, and what might work instead.", "Message");
        }
        if (words.Length > MaxMessage)
        {
            return Outcome.Refused($"Keep the message under {MaxMessage} characters.", "Message");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional on the event still being a proposal: of two hosts deciding at once, one decides.
        var decided = await db.GatheringEvents.Where(x => x.Id == eventId && x.Approval == EventApproval.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Approval, approve ? EventApproval.Approved : EventApproval.Declined)
                .SetProperty(x => x.ApprovalMessage, words).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Sequence, x => x.Sequence + 1), cancellationToken);
        if (decided == 0)
        {
            return Outcome.Refused("This proposal is decided already.");
        }
        await db.Entry(e).ReloadAsync(cancellationToken);
        if (approve)
        {
            await CreateEvent.AnnounceOnceAsync(e, sinks, address, now, cancellationToken);
        }
        await notifier.ResolveAsync(About(eventId), null, cancellationToken);
        HostLog.Record(db, eventId, viewer.UserId, approve ? "said yes to the proposal: the event is up" : "said not this time to the proposal", now);
        var proposer = await db.Users.AsNoTracking().Where(u => u.Id == e.CreatedByUserId).Select(u => new { u.Id, u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        var host = await db.Users.AsNoTracking().Where(u => u.Id == viewer.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        if (proposer is not null && proposer.Id != viewer.UserId)
        {
            var path = $"/gatherings/{eventId}";
            var title = approve ? $"Your event is up: {e.Title}" : $"Not this time: {e.Title}";
            string[] paragraphs = approve
                ? [$"{host} said yes to “{e.Title}”: it is up, and people can answer it now.", .. words == "" ? Array.Empty<string>() : [$"{host} wrote: “{words}”"], "You host it: share its link with the people you would like to come, and invite a co-host from its page."]
                : [$"{host} looked at “{e.Title}” and said not this time. They wrote:", $"“{words}”", "The proposal stays visible to you and the hosts. You are welcome to talk it over with them, or to propose another."];
            await notifier.NotifyAsync(new Notice(proposer.Id, "gathering.proposal-decided", title, path,
                templates.Compose(proposer.Email!, proposer.DisplayName, title, paragraphs, ("Open the event", address.Absolute(path)))), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
