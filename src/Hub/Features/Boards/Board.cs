using System.Linq.Expressions;
using Microsolidarity.Hub.Data.Boards;

namespace Microsolidarity.Hub.Features.Boards;

public enum BoardOwnerKind { Crew, WorkingGroup, Congregation }

/// <summary>
/// Whose board it is, as the page that loaded it decided the viewer may see and change it: a crew's (its
/// joined members), a working group's or a congregation's (the congregation's members).
/// </summary>
public sealed record BoardOwner(BoardOwnerKind Kind, Guid Id, string Name, string Path)
{
    public static BoardOwner Crew(Guid id, string name) => new(BoardOwnerKind.Crew, id, name, $"/crews/{id}/board");

    public static BoardOwner WorkingGroup(Guid id, string name, string congregationSlug) =>
        new(BoardOwnerKind.WorkingGroup, id, name, $"/congregations/{congregationSlug}/working-groups/{id}/board");

    public static BoardOwner Congregation(Guid id, string name, string slug) => new(BoardOwnerKind.Congregation, id, name, $"/congregations/{slug}/board");

    /// <summary>The cards of this board, in a query.</summary>
    public Expression<Func<BoardCard, bool>> Cards => Kind switch
    {
        BoardOwnerKind.Crew => c => c.CrewId == Id,
        BoardOwnerKind.WorkingGroup => c => c.WorkingGroupId == Id,
        _ => c => c.CongregationId == Id,
    };

    /// <summary>A new card that belongs to this board.</summary>
    public BoardCard NewCard() => Kind switch
    {
        BoardOwnerKind.Crew => new BoardCard { CrewId = Id },
        BoardOwnerKind.WorkingGroup => new BoardCard { WorkingGroupId = Id },
        _ => new BoardCard { CongregationId = Id },
    };
}

/// <summary>One column: its name, what belongs in it, and which of the two boards it is on.</summary>
public sealed record BoardColumnInfo(BoardColumn Column, string Name, string Short, string Hint, string Empty, bool Mastery)
{
    public string Key => Column.ToString().ToLowerInvariant();
}

/// <summary>The two boards side by side: the mastery board's three columns and the task board's five.</summary>
public static class BoardColumns
{
    public static readonly IReadOnlyList<BoardColumnInfo> All =
    [
        new(BoardColumn.Awareness, "Awareness", "Awareness", "Something one of us noticed: a problem or a chance, said as plainly as we can.", "Nothing noticed yet. What keeps catching your eye?", true),
        new(BoardColumn.Test, "Test", "Test", "The quickest experiment that is safe enough to try, until we look at it again.", "No test running. Pick something from Awareness and try it until the next meeting.", true),
        new(BoardColumn.Mastery, "Mastery", "Mastery", "What has become habit: our living agreements, until we change them.", "No agreements yet. A test that works becomes one.", true),
        new(BoardColumn.Tasks, "Tasks", "Tasks", "Work that could be done; nobody has taken it yet.", "No tasks waiting.", false),
        new(BoardColumn.Around, "Who is around", "Around", "Who is around until the next meeting, and when.", "Nobody has said yet. Add a card: when are you around?", false),
        new(BoardColumn.ToDo, "To do", "To do", "Taken on for this cycle: name who is doing it.", "Nothing taken on yet.", false),
        new(BoardColumn.Done, "Done", "Done", "Finished since we last looked. Worth a word of thanks.", "Nothing finished yet.", false),
        new(BoardColumn.KnownVoid, "Known void", "Void", "Work nobody has room for this cycle, named openly so nobody carries it in silence.", "No known void. If something is quietly not happening, name it here.", false),
    ];

    public static BoardColumnInfo Of(BoardColumn column) => All.FirstOrDefault(c => c.Column == column) ?? All[0];

    public static bool IsKnown(BoardColumn column) => All.Any(c => c.Column == column);

    /// <summary>The columns a card in this column can move to: the others on its own board.</summary>
    public static IEnumerable<BoardColumnInfo> MovesFrom(BoardColumn column) =>
        All.Where(c => c.Mastery == Of(column).Mastery && c.Column != column);
}
