namespace Microsolidarity.Hub.Data.Formation;

/// <summary>
/// A facilitator's series of calls whose breakout rooms climb a ladder of scale (pairs, threes, fives, all).
/// The rooms are computed when the facilitator saves and kept, so every page shows the same rooms.
/// </summary>
public class PracticeProgram
{
    public Guid Id { get; set; }
    public string FacilitatorUserId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The group size of each call, comma-separated; "all" is the full circle.</summary>
    public string CallSizes { get; set; } = "";

    /// <summary>As the facilitator typed them: lines like "3: Ana, ben@example.org".</summary>
    public string Absences { get; set; } = "";

    /// <summary>Fixed at creation, so saving the same program again gives the same rooms.</summary>
    public int Seed { get; set; }

    /// <summary>JSON int[call][room][] of participant positions; absent people are in no room.</summary>
    public string Rooms { get; set; } = "[]";

    public int RepeatedPairs { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ComputedAt { get; set; }
    public List<PracticeParticipant> Participants { get; set; } = [];
}

/// <summary>Someone in a program; they need no account, only the secret link to their own rooms.</summary>
public class PracticeParticipant
{
    public Guid Id { get; set; }
    public Guid ProgramId { get; set; }

    /// <summary>Order in the facilitator's list; the index the rooms refer to.</summary>
    public int Position { get; set; }

    public string Name { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>Unguessable part of the participant's URL; kept across edits so a shared link keeps working.</summary>
    public string Secret { get; set; } = "";
}
