using System.Linq.Expressions;
using Microsoft.Extensions.Localization;
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

/// <summary>One column: which of the two boards it is on; its name, short name, what belongs in it and its empty state in the reader's words.</summary>
public sealed record BoardColumnInfo(BoardColumn Column, bool Mastery)
{
    public string Key => Column.ToString().ToLowerInvariant();

    public string Name(IStringLocalizer strings) => strings[$"Boards.Column.{Column}.Name"];

    public string Short(IStringLocalizer strings) => strings[$"Boards.Column.{Column}.Short"];

    public string Hint(IStringLocalizer strings) => strings[$"Boards.Column.{Column}.Hint"];

    public string Empty(IStringLocalizer strings) => strings[$"Boards.Column.{Column}.Empty"];
}

/// <summary>The two boards side by side: the mastery board's three columns and the task board's five.</summary>
public static class BoardColumns
{
    public static readonly IReadOnlyList<BoardColumnInfo> All =
    [
        new(BoardColumn.Awareness, true),
        new(BoardColumn.Test, true),
        new(BoardColumn.Mastery, true),
        new(BoardColumn.Tasks, false),
        new(BoardColumn.Around, false),
        new(BoardColumn.ToDo, false),
        new(BoardColumn.Done, false),
        new(BoardColumn.KnownVoid, false),
    ];

    public static BoardColumnInfo Of(BoardColumn column) => All.FirstOrDefault(c => c.Column == column) ?? All[0];

    public static bool IsKnown(BoardColumn column) => All.Any(c => c.Column == column);

    /// <summary>The columns a card in this column can move to: the others on its own board.</summary>
    public static IEnumerable<BoardColumnInfo> MovesFrom(BoardColumn column) =>
        All.Where(c => c.Mastery == Of(column).Mastery && c.Column != column);
}
