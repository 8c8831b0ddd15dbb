using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// What a person wrote for their crews beyond the private answer: reflections shared with a crew, changes put on its
/// list, lessons offered to a congregation, agreements proposed and accepted. Reflections and lessons are one
/// person's words and go with them; a change on the list and a version of the agreements are the crew's, and stay
/// with it without their name.
/// </summary>
[PersonalDataOf(typeof(SharedReflection), typeof(CrewChange), typeof(CrewLesson), typeof(CrewLessonAnswer), typeof(Agreement), typeof(AgreementAcceptance))]
internal sealed class RetrospectivePersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Reflections, lessons and agreements";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var reflections = await db.SharedReflections.CountAsync(r => r.UserId == user.Id, cancellationToken);
        var lessons = await db.CrewLessons.CountAsync(l => l.SharedByUserId == user.Id, cancellationToken);
        return [$"{reflections} reflection(s) you shared with a crew and {lessons} lesson(s) you offered a congregation go with your account. "
            + "Changes you put on a crew's list and agreements you proposed stay with the crew, without your name; your acceptances and your answers to lessons go."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        SharedReflections = await db.SharedReflections.Where(r => r.UserId == user.Id)
            .Select(r => new { r.Term, r.AtMeeting, r.WhatWorked, r.WhatDidNot, r.OneChange, r.SharedAt }).ToListAsync(cancellationToken),
        ChangesAdded = await db.CrewChanges.Where(c => c.AddedByUserId == user.Id)
            .Select(c => new { c.Term, c.AtMeeting, c.Text, c.AddedAt }).ToListAsync(cancellationToken),
        LessonsOffered = await db.CrewLessons.Where(l => l.SharedByUserId == user.Id)
            .Select(l => new { l.Term, l.Text, l.Signed, l.SharedAt }).ToListAsync(cancellationToken),
        LessonAnswers = await db.CrewLessonAnswers.Where(a => a.UserId == user.Id)
            .Select(a => new { a.LessonId, a.Consents, a.AnsweredAt }).ToListAsync(cancellationToken),
        AgreementsProposed = await db.Agreements.Where(a => a.ProposedByUserId == user.Id)
            .Select(a => new { a.Version, a.Text, a.Note, State = a.State.ToString(), a.ProposedAt }).ToListAsync(cancellationToken),
        AgreementsAccepted = await db.AgreementAcceptances.Where(a => a.UserId == user.Id)
            .Select(a => new { a.AgreementId, a.AcceptedAt }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        // Reflections and acceptances go with the account (cascade); deleted here too so nothing waits on it.
        await db.SharedReflections.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.AgreementAcceptances.Where(a => a.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.CrewLessonAnswers.Where(a => a.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.CrewLessons.Where(l => l.SharedByUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.CrewChanges.Where(c => c.AddedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AddedByUserId, ""), cancellationToken);
        await db.Agreements.Where(a => a.ProposedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ProposedByUserId, ""), cancellationToken);
    }
}
