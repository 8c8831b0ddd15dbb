using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Dyads;

/// <summary>One person proposes a pair to another, who is free to say no.</summary>
public sealed class ProposeDyad(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, Accounts.AccountLinks links)
{
    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(string me, string partnerEmail, DyadKind kind, int weeks, string intention, CancellationToken cancellationToken = default)
    {
        if (weeks is < 1 or > 52)
        {
            return (Outcome.Refused("A term is 1 to 52 weeks; eight is a good start.", "Weeks"), null);
        }
        var normalized = partnerEmail.Trim().ToUpperInvariant();
        var partner = await db.Users.Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (partner is null)
        {
            return (Outcome.Refused($"No one with an account uses {partnerEmail.Trim()}. Ask them to join the hub first.", "PartnerEmail"), null);
        }
        if (partner.Id == me)
        {
            return (Outcome.Refused("A dyad is two people; propose it to someone else. Your journal is there for the Self.", "PartnerEmail"), null);
        }
        var open = await db.Dyads.AnyAsync(d => (d.Status == DyadStatus.Proposed || d.Status == DyadStatus.Active)
            && ((d.ProposerUserId == me && d.PartnerUserId == partner.Id) || (d.ProposerUserId == partner.Id && d.PartnerUserId == me)), cancellationToken);
        if (open)
        {
            return (Outcome.Refused($"You and {partner.DisplayName} have a dyad running or proposed already.", "PartnerEmail"), null);
        }
        var dyad = new Dyad
        {
            Id = Guid.NewGuid(), Kind = kind, ProposerUserId = me, PartnerUserId = partner.Id, Intention = intention.Trim(),
            TermWeeks = weeks, Status = DyadStatus.Proposed, ProposedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Dyads.Add(dyad);
        var myName = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        await notifier.NotifyAsync(new Notice(partner.Id, "dyad.proposal", $"{myName} proposes a dyad: {DyadsFeature.KindName(kind)}", $"/dyads/{dyad.Id}",
            templates.Compose(partner.Email!, partner.DisplayName, $"{myName} proposes a dyad: {DyadsFeature.KindName(kind)}",
        [
            $"{myName} would like to pair with you for {DyadsFeature.KindName(kind)}, for {weeks} weeks, with check-ins only the two of you see.",
            "You are free to decline, with no need to explain.",
        ], ("See the proposal", links.Absolute($"/dyads/{dyad.Id}", new Dictionary<string, string?>())))), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return (Outcome.Done, dyad.Id);
    }
}
