using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>
/// A holder puts a responsibility down, with a reason if they like. The hosts hear it (they may need to find someone);
/// the hosts' list keeps the line. Handing it to a particular person is an invitation instead (<see cref="OfferResponsibility"/>).
/// </summary>
public sealed class StepDownFromResponsibility(HubDbContext db, TimeProvider time, HostActions actions,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid responsibilityId, string? reason, CancellationToken cancellationToken = default)
    {
        if (HostActions.Tidy(reason) is not { } why)
        {
            return Outcome.Refused(strings["Congregations.Refused.ReasonLength", HostActions.MaxReason.ToString("N0", DateFormats.Culture)], "Reason");
        }
        var c = view.Congregation;
        var holding = await db.ResponsibilityHolders
            .Where(h => h.ResponsibilityId == responsibilityId && h.UserId == view.UserId)
            .Join(db.Responsibilities.Where(r => r.CongregationId == c.Id && r.RetiredAt == null), h => h.ResponsibilityId, r => r.Id, (h, r) => new { Holder = h, r.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (holding is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.RespNotHeld"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.ResponsibilityHolders.Remove(holding.Holder);
        HostActions.Record(db, c.Id, view.UserId, StoredWords.Of("Log.Congregation.ResponsibilitySteppedDown", holding.Name), why, now);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == view.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var others = await db.ResponsibilityHolders.AsNoTracking().CountAsync(h => h.ResponsibilityId == responsibilityId && h.UserId != view.UserId, cancellationToken);
        await actions.TellHostsAsync(c, [view.UserId!], () => (strings["Email.Responsibility.StepDown.Subject", name, holding.Name],
        [
            strings["Email.Responsibility.StepDown.Text", name, holding.Name, c.Name],
            .. why == "" ? Array.Empty<string>() : [strings["Email.Responsibility.Retired.Reason", why].Value],
            others == 0 ? strings["Email.Responsibility.StepDown.Nobody"] : strings["Email.Responsibility.StepDown.Others"],
        ]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        actions.Wake();
        return Outcome.Done;
    }
}
