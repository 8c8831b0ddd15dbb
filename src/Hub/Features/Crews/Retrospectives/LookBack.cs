using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// A moment the crew looks back together: the end of a term (<see cref="AtMeeting"/> 0), or halfway through a long
/// one (after every fourth meeting when a term has eight or more). Reflections, changes and lessons belong to one.
/// </summary>
public sealed record LookBack(int Term, int AtMeeting)
{
    /// <summary>A term this long or longer has a look back in the middle.</summary>
    public const int LongTerm = 8;

    /// <summary>Every this many meetings, in a long term.</summary>
    public const int Every = 4;

    public bool Halfway => AtMeeting > 0;

    public string Title(IStringLocalizer strings) => Halfway ? strings["Crews.Retro.HalfwayTitle", Term, AtMeeting] : strings["Crews.Retro.EndTitle", Term];

    /// <summary>The meetings after which a term looks back halfway: 4 in a term of 8, 4 and 8 in a term of 12.</summary>
    public static IEnumerable<int> HalfwayPoints(int meetingsPerTerm) =>
        meetingsPerTerm < LongTerm ? [] : Enumerable.Range(1, (meetingsPerTerm - 1) / Every).Select(k => k * Every);

    /// <summary>
    /// The look back open now, if any: the term's end from its last meeting until the crew starts its next term
    /// (or for good once it has closed); halfway, from that meeting until the next one begins.
    /// </summary>
    public static LookBack? Open(CrewView view)
    {
        var crew = view.Crew;
        if (view.InRetrospective || crew.Stage == CrewStage.Disbanded)
        {
            return new(crew.Term, 0);
        }
        if (crew.Stage == CrewStage.Forming)
        {
            return crew.Term > 1 ? new(crew.Term - 1, 0) : null;
        }
        var meetings = view.ThisTerm.ToList();
        foreach (var k in HalfwayPoints(crew.MeetingsPerTerm).Reverse())
        {
            var at = meetings.FirstOrDefault(m => m.Number == k);
            var next = meetings.FirstOrDefault(m => m.Number == k + 1);
            if (at is not null && at.StartsAt <= view.Now && (next is null || next.StartsAt > view.Now))
            {
                return new(crew.Term, k);
            }
        }
        return null;
    }

    /// <summary>The look back whose changes a meeting opens with: the last term's end for a term's first meeting, a halfway one for the meeting after it.</summary>
    public static LookBack? CarriedInto(CrewMeeting meeting, int meetingsPerTerm) =>
        meeting.Number == 1 ? (meeting.Term > 1 ? new(meeting.Term - 1, 0) : null)
        : HalfwayPoints(meetingsPerTerm).Contains(meeting.Number - 1) ? new(meeting.Term, meeting.Number - 1) : null;
}
