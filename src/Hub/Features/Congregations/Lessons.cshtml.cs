using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// What the congregation's crews chose to offer from their retrospectives: for its members only (hosts included,
/// administrators who are not members not). A lesson names its crew only when the crew signed it.
/// </summary>
public sealed class LessonsModel(CongregationAccess access, HubDbContext db) : CongregationPageModel(access)
{
    public sealed record Lesson(string Text, DateTime SharedAt, string? Crew);

    public IReadOnlyList<Lesson> Lessons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        // The crew's name is read only for a signed lesson, so an unsigned one carries nothing that could name it.
        // Only what the whole crew consented to share (CrewLessonSharing); who answered what is the crew's alone.
        Lessons = await db.CrewLessons.AsNoTracking().Where(l => l.CongregationId == View.Congregation.Id).Shared(db.CrewMembers)
            .OrderByDescending(l => l.SharedAt)
            .Select(l => new Lesson(l.Text, l.SharedAt, l.Signed ? db.Crews.Where(c => c.Id == l.CrewId).Select(c => c.Name).FirstOrDefault() : null))
            .ToListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
