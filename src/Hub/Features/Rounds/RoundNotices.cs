using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>Tells several people the same thing about a round, inside the caller's unit of work (nothing is saved here).</summary>
public sealed class RoundNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
    : GroupNotices(db, notifier, templates, address)
{
    /// <summary>The round's invitation to give preferences, done once the person has given them.</summary>
    public static string RoundAbout(Guid roundId) => $"formation-round:{roundId}";

    /// <summary>A proposed crew waiting for the person's consent, done once they have answered.</summary>
    public static string ProposalAbout(Guid roundId) => $"formation-proposal:{roundId}";
}
