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
    public static string Prepared(NudgeReason reason, string to, string host, string congregation, string? nextGathering)
    {
        var gathering = nextGathering is null
            ? "Crews often start where we meet; our next date will be on the congregation's page as soon as it is set."
            : $"Our next date together is {nextGathering}: a good place to meet people you might form a crew with, and you would be welcome.";
        return reason switch
        {
            NudgeReason.Newcomer =>
                $"It's {host}, one of the hosts of {congregation}. You joined us recently, and I wanted to say how glad we are that you're here.\n\n"
                + $"{gathering} You could also call a crew yourself: two or three people you'd like to know better are enough to begin, for a few meetings and a look back at the end.\n\n"
                + "There is no hurry, and no need to answer. If you'd like company finding your way, I'd be happy to help.",
            NudgeReason.NoCrew =>
                $"It's {host}, from {congregation}. I've been thinking of the people here who aren't in a crew at the moment, and you came to mind.\n\n"
                + $"{gathering} Or, if there are two or three people you'd like to meet with regularly, calling a crew takes a minute, and it can be a short experiment.\n\n"
                + "No pressure at all: if now isn't the time, that's fine too.",
            NudgeReason.NotSeen =>
                $"It's {host}, from {congregation}. We haven't seen you at a gathering this year, and I just wanted to say you'd be missed and very welcome.\n\n"
                + $"{(nextGathering is null ? "Our next date will be on the congregation's page as soon as it is set." : $"Our next date together is {nextGathering}.")}\n\n"
                + "Only if it suits you; no need to answer.",
            NudgeReason.TermEnding =>
                $"It's {host}, from {congregation}. {to}'s term is coming to its end soon: a good moment for a retrospective, to look back at what you liked and what you'd change.\n\n"
                + "Whatever each of you chooses, to go on, to pause or to step out, is a good outcome, and nobody else sees the choice. If you'd like a hand with the retrospective, just ask.",
            NudgeReason.Quiet =>
                $"It's {host}, from {congregation}. I noticed {to} hasn't met for a month or so. Life gets full; I just wanted to check in.\n\n"
                + "If you'd like to pick it up again, finding a new time together on the crew's page is quick. And if the crew has run its course, a short retrospective lets everyone close it kindly.\n\n"
                + "Nothing you need to do; I'm glad to help if it's useful.",
            _ => "",
        };
    }
}
