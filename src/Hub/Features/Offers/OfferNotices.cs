using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>Tells a poster about an answer, by their choice for the "offers" topic, inside the caller's unit of work.</summary>
public sealed class OfferNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
    : GroupNotices(db, notifier, templates, address);
