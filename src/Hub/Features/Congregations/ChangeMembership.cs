using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// A host steps down, or stops someone else hosting, with a reason if they give one. The person stepped down hears it,
/// the other hosts hear it and see it in their list. Making someone a host or moving them to a level is an invitation
/// they accept (<see cref="OfferMembership"/>). A congregation always keeps at least one host.
/// </summary>
public sealed class ChangeMembership(HubDbContext db, TimeProvider time, HostActions actions,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> EndHostingAsync(CongregationView view, Guid membershipId, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.HostingOnlyHosts"]);
        }
        if (HostActions.Tidy(reason) is not { } why)
        {
            return Outcome.Refused(strings["Congregations.Refused.ReasonLength", HostActions.MaxReason.ToString("N0", DateFormats.Culture)]);
        }
        // Loaded and saved, not a bulk update: the congregation's cached pages and reads are emptied by the
        // interceptor that sees saved memberships, and a bulk statement passes it by.
        var membership = await db.Memberships.Include(m => m.User).SingleOrDefaultAsync(m => m.Id == membershipId && m.CongregationId == view.Congregation.Id, cancellationToken);
        if (membership is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.NotAMember"]);
        }
        if (!membership.IsHost)
        {
            return Outcome.Refused($"{membership.User.DisplayName} does not host {view.Congregation.Name}.");
        }
        if (await db.Memberships.CountAsync(m => m.CongregationId == view.Congregation.Id && m.IsHost, cancellationToken) == 1)
        {
            return Outcome.Refused(strings["Congregations.Refused.LastHostStepDown"]);
        }
        var c = view.Congregation;
        var self = membership.UserId == view.UserId;
        var name = membership.User.DisplayName;
        var actor = self ? name : await db.Users.Where(u => u.Id == view.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        membership.IsHost = false;
        HostActions.Record(db, c.Id, view.UserId, StoredWords.Of(self ? "Log.Congregation.SteppedDown" : "Log.Congregation.StoppedHosting", HostActions.About), why, time.GetUtcNow().UtcDateTime,
            aboutUserId: self ? null : membership.UserId);
        string Because() => why == "" ? strings["Email.CoHost.SteppedDown.NoReason"] : strings["Email.HostAction.Reason", why];
        if (!self)
        {
            await actions.TellAsync([membership.UserId], "congregation.hosting-ended", $"/congregations/{c.Slug}", () => new NoticeWords(
                strings["Email.HostAction.NoLongerHost.Subject", c.Name],
                [strings["Email.HostAction.NoLongerHost.Text", actor, c.Name], Because(), strings["Email.HostAction.TalkItOver"]],
                strings["Email.HostAction.OpenCongregation"]), cancellationToken);
        }
        await actions.TellHostsAsync(c, [view.UserId!, membership.UserId], () => (
            self ? strings["Email.HostAction.SteppedDown.Subject", name, c.Name] : strings["Email.HostAction.Stopped.Subject", actor, name, c.Name],
            [self ? strings["Email.HostAction.SteppedDown.Text", name, c.Name] : strings["Email.HostAction.Stopped.Text", name, c.Name], Because(),
                strings["Email.HostAction.NeverAlone"]]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        actions.Wake();
        return Outcome.Done;
    }
}
