using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Hosts invite a member to take on more: to host with them, to move to a level, to become a network member.
/// Nothing changes until the member accepts (<see cref="AnswerMembershipOffer"/>); they hear by a notice and email,
/// and are free to decline. Stepping someone down stays a host's act (<see cref="ChangeMembership"/>).
/// </summary>
public sealed class OfferMembership(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings)
{
    public const int MaxMessage = 2000;

    public async Task<Outcome> RunAsync(CongregationView view, Guid membershipId, OfferKind kind, Guid? levelId, string? message, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.OfferOnlyHosts"]);
        }
        var member = await db.Memberships.AsNoTracking().Where(m => m.Id == membershipId && m.CongregationId == view.Congregation.Id)
            .Select(m => new { m.UserId, m.IsHost, m.LevelId, m.User.Email, m.User.DisplayName, m.User.Language, InNetwork = m.User.NetworkMemberSince != null })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.NotAMember"]);
        }
        var level = kind == OfferKind.Level ? view.Congregation.Levels.FirstOrDefault(l => l.Id == levelId) : null;
        var already = kind switch
        {
            OfferKind.Host => member.IsHost ? strings["Congregations.Refused.HostsAlready", member.DisplayName] : null,
            OfferKind.NetworkMembership => member.InNetwork ? strings["Congregations.Refused.InNetworkAlready", member.DisplayName] : null,
            _ => level is null ? strings["Congregations.Refused.LevelNotHere"] : level.Id == member.LevelId ? strings["Congregations.Refused.AtLevelAlready", member.DisplayName, level.Name] : null,
        };
        if (already is not null)
        {
            return Outcome.Refused(already);
        }
        var words = (message ?? "").Trim();
        if (words.Length > MaxMessage)
        {
            return Outcome.Refused(strings["Congregations.Refused.MessageLength", MaxMessage], "Message");
        }
        if (await db.MembershipOffers.AnyAsync(o => o.CongregationId == view.Congregation.Id && o.UserId == member.UserId && o.Kind == kind && o.Status == OfferStatus.Waiting, cancellationToken))
        {
            return Outcome.Refused(strings["Congregations.Refused.OfferWaiting", member.DisplayName]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var offer = new MembershipOffer
        {
            Id = Guid.NewGuid(),
            CongregationId = view.Congregation.Id,
            UserId = member.UserId,
            OfferedByUserId = view.UserId!,
            Kind = kind,
            LevelId = level?.Id,
            Message = words,
            Status = OfferStatus.Waiting,
            CreatedAt = now,
        };
        db.MembershipOffers.Add(offer);
        var host = await db.Users.AsNoTracking().Where(u => u.Id == view.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var c = view.Congregation;
        using (RecipientLanguage.Of(member.Language))
        {
            var (title, what) = kind switch
            {
                OfferKind.Host => (strings["Email.Offer.Host.Subject", host, c.Name], strings["Email.Offer.Host.What", host, c.Name]),
                OfferKind.NetworkMembership => (strings["Email.Offer.Network.Subject", host], strings["Email.Offer.Network.What", host, c.Name]),
                _ => (strings["Email.Offer.Level.Subject", host, level!.Name, c.Name], level.Description == ""
                    ? strings["Email.Offer.Level.What", host, level.Name, c.Name]
                    : strings["Email.Offer.Level.WhatMeans", host, level.Name, c.Name, level.Description]),
            };
            var path = AnswerMembershipOffer.PathOf(c.Slug);
            await notifier.NotifyAsync(new Notice(member.UserId, "congregation.offer", title, path,
                templates.Compose(member.Email!, member.DisplayName, title,
                [
                    what,
                    .. words == "" ? Array.Empty<string>() : [strings["Email.ProposedEvent.Yes.Wrote", host, words].Value],
                    strings["Email.Offer.NothingChanges"],
                ], (strings["Invitation.Action"], address.Absolute(path))))
            { About = AnswerMembershipOffer.About(offer.Id) }, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
