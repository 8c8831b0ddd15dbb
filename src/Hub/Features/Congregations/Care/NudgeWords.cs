using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Care;

/// <summary>Why a host writes: the row of the care view the note came from.</summary>
public enum NudgeReason { NoCrew, Newcomer, NotSeen, TermEnding, Quiet }

/// <summary>
/// The prepared notes a host starts from. They invite and never order: they say what is on offer, that
/// there is no hurry, and that saying no is fine. The host edits them before sending; they go out in the
/// host's name.
/// </summary>
public static class NudgeWords
{
    public static readonly IReadOnlyDictionary<string, NudgeReason> ByQuery = new Dictionary<string, NudgeReason>(StringComparer.OrdinalIgnoreCase)
    {
        ["no-crew"] = NudgeReason.NoCrew,
        ["newcomer"] = NudgeReason.Newcomer,
        ["not-seen"] = NudgeReason.NotSeen,
        ["term-ending"] = NudgeReason.TermEnding,
        ["quiet"] = NudgeReason.Quiet,
    };

    public static string Query(NudgeReason reason) => ByQuery.First(p => p.Value == reason).Key;

    public static bool IsAboutACrew(NudgeReason reason) => reason is NudgeReason.TermEnding or NudgeReason.Quiet;

    /// <param name="to">The crew's name, for a note to a crew; the email greets each person by name.</param>
    /// <param name="nextGathering">"“Spring gathering” on 12 April 2027": the congregation's next date, when one is coming.</param>
    /// <param name="strings">The host's language: the note is theirs to change, and goes out as they send it.</param>
    public static string Prepared(IStringLocalizer strings, NudgeReason reason, string to, string host, string congregation, string? nextGathering)
    {
        var gathering = nextGathering is null
            ? strings["Congregations.Nudge.Words.NoDate"]
            : strings["Congregations.Nudge.Words.Next", nextGathering];
        return reason switch
        {
            NudgeReason.Newcomer => strings["Congregations.Nudge.Words.Newcomer", host, congregation, gathering],
            NudgeReason.NoCrew => strings["Congregations.Nudge.Words.NoCrew", host, congregation, gathering],
            NudgeReason.NotSeen => strings["Congregations.Nudge.Words.NotSeen", host, congregation,
                nextGathering is null ? strings["Congregations.Nudge.Words.NotSeenNoDate"] : strings["Congregations.Nudge.Words.NotSeenNext", nextGathering]],
            NudgeReason.TermEnding => strings["Congregations.Nudge.Words.TermEnding", host, congregation, to],
            NudgeReason.Quiet => strings["Congregations.Nudge.Words.Quiet", host, congregation, to],
            _ => "",
        };
    }
}
