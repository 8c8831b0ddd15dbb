using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>Tells several people the same thing about a date's crews, inside the caller's unit of work (nothing is saved here).</summary>
public sealed class CrewDateNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
    : GroupNotices(db, notifier, templates, address)
{
    /// <summary>"Go on as a crew?" waiting for the person's answer, done once they have answered.</summary>
    public static string ContinueAbout(Guid setId) => $"gathering-crews:{setId}";
}
