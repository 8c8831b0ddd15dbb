using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Offers;

/// <summary>Whether a post gives or asks.</summary>
public enum OfferPostKind
{
    Offer = 0,
    Request = 1,
}

/// <summary>What is offered or asked for.</summary>
public enum OfferCategory
{
    Skill = 0,
    Time = 1,
    Tools = 2,
    Space = 3,
    WorkLead = 4,
    Other = 5,
}

/// <summary>
/// What a member offers or asks for, to the hub's members or to one congregation's: the people who may see it
/// answer the poster privately. It leaves the lists at its expiry (or when the poster closes it); the poster may
/// renew it. Never public: no feed, sitemap or visitor's page shows it.
/// </summary>
public class OfferPost
{
    public Guid Id { get; set; }
    public OfferPostKind Kind { get; set; }
    public OfferCategory Category { get; set; }

    /// <summary>The congregation whose members see it; null for every member of the hub.</summary>
    public Guid? CongregationId { get; set; }

    public string PosterUserId { get; set; } = "";
    public HubUser Poster { get; set; } = null!;

    public string Title { get; set; } = "";

    /// <summary>Markdown, rendered through the same sanitiser as updates and the handbook.</summary>
    public string Details { get; set; } = "";

    /// <summary>Skills as comma-separated tags, as typed (searchable).</summary>
    public string Skills { get; set; } = "";

    /// <summary>A town or neighbourhood; empty when it does not matter.</summary>
    public string Place { get; set; } = "";

    /// <summary>Can be done online.</summary>
    public bool Online { get; set; }

    /// <summary>When it leaves the lists, in UTC (entered and shown in the viewer's zone).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the poster closed it (found, given, no longer needed); null while open.</summary>
    public DateTime? ClosedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<OfferAnswer> Answers { get; set; } = [];
}

/// <summary>A private answer to a post: seen by its poster and its writer only, and sent to the poster by email.</summary>
public class OfferAnswer
{
    public Guid Id { get; set; }
    public Guid PostId { get; set; }
    public OfferPost Post { get; set; } = null!;
    public string FromUserId { get; set; } = "";
    public HubUser From { get; set; } = null!;
    public string Message { get; set; } = "";

    /// <summary>The writer chose to give the poster their email address; otherwise it is never shown.</summary>
    public bool ShareEmail { get; set; }

    public DateTime SentAt { get; set; }
}
