using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings.CoHosts;

/// <summary>
/// A member proposed an event for their congregation and the congregation asks for a host's yes first: its hosts
/// hear of it, and one of them says yes (the event goes up, and is announced if public) or not this time, with a
/// message written for the proposer. Either way the other hosts' notices are done.
/// </summary>
public sealed class DecideProposedEvent(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IEnumerable<IAnnouncementSink> sinks, IStringLocalizer<Strings> strings)
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
            .Select(m => new { m.UserId, m.User.Email, m.User.DisplayName, m.User.Language }).ToListAsync(cancellationToken);
        var path = CoHostsPage.PathOf(e.Id);
        var zone = EventTime.FindZone(e.TimeZone)!;
        var starts = EventTime.ToLocal(e.StartsAt, zone).ToDateTimeUnspecified();
        var notices = new List<Notice>(hosts.Count);
        foreach (var h in hosts)
        {
            using var language = RecipientLanguage.Of(h.Language);
            string title = strings["Email.ProposedEvent.Subject", name, congregation, e.Title];
            notices.Add(new Notice(h.UserId, "gathering.event-proposed", title, path,
                templates.Compose(h.Email!, h.DisplayName, title,
                [
                    strings["Email.ProposedEvent.PutOn", name, e.Title, congregation, DateFormats.Format(starts, "ddd d MMM yyyy, HH:mm"), e.TimeZone],
                    strings["Email.ProposedEvent.Until", name],
                ], (strings["Email.ProposedEvent.Action"], address.Absolute(path))))
            { About = About(e.Id) });
        }
        await notifier.NotifyManyAsync(notices, cancellationToken);
    }

    public void Wake() => notifier.Wake();

    public async Task<Outcome> RunAsync(Viewer viewer, Guid eventId, bool approve, string? message, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e?.CongregationId is not { } congregationId || !(viewer.IsAdmin || viewer.HostedCongregations.Contains(congregationId)))
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsProposal"]);
        }
        if (e.Approval != EventApproval.Proposed)
        {
            return Outcome.Refused(strings["Gatherings.Refused.ProposalDecided"]);
        }
        var words = (message ?? "").Trim();
        if (!approve && words == "")
        {
            return Outcome.Refused(strings["Gatherings.Refused.KindWords"], "Message");
        }
        if (words.Length > MaxMessage)
        {
            return Outcome.Refused(strings["Gatherings.Refused.MessageLong", MaxMessage], "Message");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional on the event still being a proposal: of two hosts deciding at once, one decides.
        var decided = await db.GatheringEvents.Where(x => x.Id == eventId && x.Approval == EventApproval.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Approval, approve ? EventApproval.Approved : EventApproval.Declined)
                .SetProperty(x => x.ApprovalMessage, words).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Sequence, x => x.Sequence + 1), cancellationToken);
        if (decided == 0)
        {
            return Outcome.Refused(strings["Gatherings.Refused.ProposalDecided"]);
        }
        await db.Entry(e).ReloadAsync(cancellationToken);
        if (approve)
        {
            await CreateEvent.AnnounceOnceAsync(e, sinks, address, now, cancellationToken);
        }
        await notifier.ResolveAsync(About(eventId), null, cancellationToken);
        HostLog.Record(db, eventId, viewer.UserId, StoredWords.Of(approve ? "Log.Event.ProposalYes" : "Log.Event.ProposalNotNow"), now);
        var proposer = await db.Users.AsNoTracking().Where(u => u.Id == e.CreatedByUserId).Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).SingleOrDefaultAsync(cancellationToken);
        var host = await db.Users.AsNoTracking().Where(u => u.Id == viewer.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        if (proposer is not null && proposer.Id != viewer.UserId)
        {
            var path = $"/gatherings/{eventId}";
            using var language = RecipientLanguage.Of(proposer.Language);
            string title = approve ? strings["Email.ProposedEvent.Yes.Subject", e.Title] : strings["Email.ProposedEvent.No.Subject", e.Title];
            string[] paragraphs = approve
                ? [strings["Email.ProposedEvent.Yes.Up", host, e.Title], .. words == "" ? Array.Empty<string>() : [strings["Email.ProposedEvent.Yes.Wrote", host, words]], strings["Email.ProposedEvent.Yes.YouHost"]]
                : [strings["Email.ProposedEvent.No.Looked", host, e.Title], $"“{words}”", strings["Email.ProposedEvent.No.Stays"]];
            await notifier.NotifyAsync(new Notice(proposer.Id, "gathering.proposal-decided", title, path,
                templates.Compose(proposer.Email!, proposer.DisplayName, title, paragraphs, (strings["Gathering.Action"], address.Absolute(path)))), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
