using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>Tells people about a call, inside the caller's unit of work (nothing is saved here).</summary>
public sealed class CallNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
    : GroupNotices(db, notifier, templates, address)
{
    /// <summary>The announcement to a congregation's members, done for a member once they ask or the call closes.</summary>
    public static string CallAbout(Guid callId) => $"crew-call:{callId}";

    /// <summary>A request waiting for the caller's answer, done once they answer or the call closes.</summary>
    public static string RequestAbout(Guid requestId) => $"crew-call-request:{requestId}";

    public static string PathOf(string slug, Guid callId) => $"/congregations/{slug}/calls/{callId}";
}
