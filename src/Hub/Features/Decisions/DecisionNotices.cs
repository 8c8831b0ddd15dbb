using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>Tells people about a decision, inside the caller's unit of work (nothing is saved here).</summary>
public sealed class DecisionNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
    : GroupNotices(db, notifier, templates, address)
{
    /// <summary>"A decision is open: answer it", done for a person once they answer or the decision closes.</summary>
    public static string OpenAbout(Guid decisionId) => $"decision:{decisionId}";

    /// <summary>"Write the outcome", to the proposer once answers close; done when the outcome is written.</summary>
    public static string OutcomeAbout(Guid decisionId) => $"decision-outcome:{decisionId}";
}
