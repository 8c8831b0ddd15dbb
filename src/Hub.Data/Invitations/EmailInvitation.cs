using Microsolidarity.Hub.Data.Dyads;

namespace Microsolidarity.Hub.Data.Invitations;

public enum InvitedTo
{
    Crew = 0,
    Dyad = 1,

    /// <summary>A place in a practice program (<see cref="EmailInvitation.ProgramId"/>).</summary>
    Program = 2,

    /// <summary>A place on a practice program's facilitator team.</summary>
    ProgramTeam = 3,
}

/// <summary>
/// An invitation to a crew, a dyad or a practice program for an address that has no account on the hub. The inviter
/// is answered the same as for an address with an account (so the page never tells whether one
/// exists); the email carries a single-use link (only a hash of its token is stored) that lets the
/// person make an account with this address and then see the invitation, as a member would.
/// </summary>
public class EmailInvitation
{
    public Guid Id { get; set; }
    public InvitedTo To { get; set; }

    /// <summary>The crew, for an invitation to a crew.</summary>
    public Guid? CrewId { get; set; }

    /// <summary>The program, for a place in one or on its team.</summary>
    public Guid? ProgramId { get; set; }

    /// <summary>The proposal, for a dyad: it becomes a dyad once the person has an account.</summary>
    public DyadKind DyadKind { get; set; }
    public int DyadWeeks { get; set; }
    public string DyadIntention { get; set; } = "";

    /// <summary>The address as the inviter typed it, and upper-cased the way Identity compares addresses.</summary>
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string InvitedByUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
}
