using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>Tells people about their place in a program or on its team, inside the caller's unit of work.</summary>
public sealed class ProgramNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
    : GroupNotices(db, notifier, templates, address)
{
    /// <summary>An invitation to a program's facilitator team, done once the person has answered.</summary>
    public static string TeamAbout(Guid programId) => $"program-team:{programId}";
}
