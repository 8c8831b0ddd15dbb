using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Congregations;

/// <summary>
/// A concern a member raised with the congregation's care contacts, about a person, a crew or something else.
/// It is private: its raiser and the care contacts read it (never the contact it is about), and the hub's
/// administrators only when it is about a care contact or no other care contact is named.
/// </summary>
public class Concern
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }

    /// <summary>Who raised it; null once they deleted their account (the concern stays, see ConcernPersonalData).</summary>
    public string? RaisedByUserId { get; set; }
    public HubUser? RaisedBy { get; set; }

    /// <summary>The person it is about (a member or a host), when it is about a person.</summary>
    public string? AboutUserId { get; set; }
    public HubUser? About { get; set; }

    /// <summary>The crew it is about, when it is about a crew.</summary>
    public Guid? AboutCrewId { get; set; }

    /// <summary>
    /// Set when it was raised about a care contact, or when no care contact but the one it is about was named:
    /// then the hub's administrators read and tend it too.
    /// </summary>
    public bool ToAdministrators { get; set; }

    /// <summary>What the raiser wrote, as plain text.</summary>
    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The care contacts acknowledge it by then (the congregation's setting at the time it was raised).</summary>
    public DateTime AcknowledgeBy { get; set; }

    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedByUserId { get; set; }

    /// <summary>When the one reminder went out, after a missed acknowledgement; also the reminder job's claim.</summary>
    public DateTime? ReminderSentAt { get; set; }

    public DateTime? ClosedAt { get; set; }
    public string? ClosedByUserId { get; set; }

    /// <summary>The care contacts' closing words, which the raiser reads.</summary>
    public string ClosingNote { get; set; } = "";

    public List<ConcernStep> Steps { get; set; } = [];
}

/// <summary>A step the care contacts took about a concern: their private log, never shown to the raiser.</summary>
public class ConcernStep
{
    public Guid Id { get; set; }
    public Guid ConcernId { get; set; }
    public string? ByUserId { get; set; }
    public string Text { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>
/// One published version of a congregation's agreements (its code of conduct), in Markdown. The newest is the
/// current one; members accept it on joining and again when the hosts publish a changed version.
/// </summary>
public class CongregationAgreement
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public string Text { get; set; } = "";
    public DateTime PublishedAt { get; set; }
}
