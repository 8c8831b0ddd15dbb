using System.Data.Common;
using System.Net;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.Introductions;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Testing;
using SkiaSharp;

namespace Microsolidarity.Hub.Tests.Architecture;

/// <summary>
/// "Delete my account" and "download my data" stay complete as the model grows: both tests read the EF
/// model, so a new table that can hold a person's id is checked without anyone remembering to add it.
/// </summary>
public sealed class PersonalDataTests(PersonalDataTests.OneHub fixture) : IClassFixture<PersonalDataTests.OneHub>
{
    /// <summary>One hub for the class: the declaration check reads only the model and the registered services.</summary>
    public sealed class OneHub : IAsyncLifetime
    {
        public HubFactory Hub { get; private set; } = null!;

        public async Task InitializeAsync() => Hub = await HubFactory.StartAsync(smtp: false);

        public async Task DisposeAsync() => await Hub.DisposeAsync();
    }

    private const string Password = "leaving with thanks";
    private const string LeaverEmail = "ada.leaver@test.example";

    /// <summary>
    /// A column names a person when it is a foreign key to the account, or a string property named
    /// <c>…UserId</c> (the model's convention for ids kept without a key: a crew's caller, an event's creator).
    /// </summary>
    private static bool NamesAPerson(IProperty property) =>
        property.GetContainingForeignKeys().Any(k => k.PrincipalEntityType.ClrType == typeof(HubUser))
        || (property.ClrType == typeof(string) && property.Name.EndsWith("UserId", StringComparison.Ordinal));

    /// <summary>
    /// A person with rows in every table that can name them deletes their account through the page; then no
    /// text column of any table holds their id or their address (apart from the farewell message itself).
    /// </summary>
    [Fact]
    public async Task DeleteAccount_PersonWithDataEverywhere_LeavesNoRowNamingThem()
    {
        var leaver = await fixture.Hub.CreatePersonAsync(LeaverEmail, Password, admin: true, name: "Ada Leaver");
        var other = await fixture.Hub.CreatePersonAsync("ben.stays@test.example", Password, name: "Ben Stays");
        var client = await fixture.Hub.SignedInClientAsync(LeaverEmail, Password); // a session
        await UploadPhotoAsync(client); // a profile with a photo file
        using (var scope = fixture.Hub.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
            var user = (await users.FindByIdAsync(leaver.Id))!;
            await users.AddClaimAsync(user, new Claim("hub:test", "a claim"));
            await users.AddLoginAsync(user, new UserLoginInfo("test-provider", "ada-at-provider", "Test provider"));
            await users.SetAuthenticationTokenAsync(user, "test-provider", "refresh", "a token");
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            AddWorld(db, leaver.Id, other.Id);
            // Every column that can name a person and is still empty names the leaver: a new column is covered
            // by this line without being listed anywhere.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
            {
                foreach (var property in entry.Properties.Where(p => NamesAPerson(p.Metadata) && !p.Metadata.IsKey()))
                {
                    if (property.CurrentValue is null or "")
                    {
                        property.CurrentValue = leaver.Id;
                    }
                }
            }
            await db.SaveChangesAsync();

            var notCovered = new List<string>();
            foreach (var (entity, property, table, column) in Columns(db).Where(c => NamesAPerson(c.Property)))
            {
                if (entity.ClrType != typeof(HubUser) && await CountAsync(db, $"SELECT COUNT(*) FROM {table} WHERE {column} = @id", leaver.Id, "") == 0)
                {
                    notCovered.Add($"{entity.ClrType.Name}.{property.Name}");
                }
            }
            Assert.True(notCovered.Count == 0, "The leaver has no row naming them in these columns, so their deletion is not checked: "
                + "add a row of each entity to AddWorld in PersonalDataTests.\n" + string.Join("\n", notCovered));
        }
        var photos = Path.Combine(fixture.Hub.DataDirectory, "photos");
        Assert.NotEmpty(Directory.GetFiles(photos));

        var (deleted, page) = await client.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Password"] = Password, ["Understood"] = "true" });
        Assert.True(deleted.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);

        using (var scope = fixture.Hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            // The one thing kept on purpose: the message telling them the account is gone, queued by the deletion.
            var farewell = await db.OutgoingEmails.Where(e => e.ToAddress == LeaverEmail).ToListAsync();
            Assert.Contains("Your account was deleted", Assert.Single(farewell).Subject);
            db.OutgoingEmails.Remove(farewell[0]);
            await db.SaveChangesAsync();

            var left = new List<string>();
            foreach (var (entity, property, table, column) in Columns(db).Where(c => c.Property.ClrType == typeof(string)))
            {
                var text = $"CAST({column} AS TEXT)";
                var rows = await CountAsync(db, $"SELECT COUNT(*) FROM {table} WHERE {text} LIKE @id OR LOWER({text}) LIKE @email",
                    $"%{leaver.Id}%", $"%{LeaverEmail.ToLowerInvariant()}%");
                if (rows > 0)
                {
                    left.Add($"{entity.ClrType.Name}.{property.Name}: {rows} row(s)");
                }
            }
            Assert.True(left.Count == 0, "After \"delete my account\" these columns still hold the person's id or address; "
                + "the feature's IPersonalData.DeleteAsync must delete or anonymise them:\n" + string.Join("\n", left));
            // The place the leaver held in someone else's open call is open again.
            Assert.Equal(0, await db.CrewCalls.Where(c => c.Name == "Ben's call").Select(c => c.AcceptedCount).SingleAsync());
        }
        Assert.Empty(Directory.GetFiles(photos));
    }

    /// <summary>
    /// Every entity with a foreign key to the account is named by the <see cref="PersonalDataOfAttribute"/> of a
    /// registered <see cref="IPersonalData"/>, so "download my data" has a section that exports it.
    /// </summary>
    [Fact]
    public void EveryEntityWithAForeignKeyToThePerson_IsDeclaredByAnExport()
    {
        using var scope = fixture.Hub.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<HubDbContext>().Model;
        var sources = scope.ServiceProvider.GetServices<IPersonalData>().Select(s => s.GetType()).ToList();
        var undeclared = sources.Where(s => s.GetCustomAttribute<PersonalDataOfAttribute>() is null).Select(s => s.Name).ToList();
        Assert.True(undeclared.Count == 0, "Each IPersonalData names the entities it exports with [PersonalDataOf(...)]: " + string.Join(", ", undeclared));

        var declared = sources.SelectMany(s => s.GetCustomAttribute<PersonalDataOfAttribute>()!.Entities).ToHashSet();
        var missing = model.GetEntityTypes()
            .Where(e => e.ClrType == typeof(HubUser) || e.GetForeignKeys().Any(k => k.PrincipalEntityType.ClrType == typeof(HubUser)))
            .Select(e => e.ClrType)
            .Where(t => !declared.Contains(t) && !NotExported.ContainsKey(t))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "These entities hold a person's id (a foreign key to HubUser) but no IPersonalData exports them: "
            + "export them in the feature's IPersonalData and add them to its [PersonalDataOf(...)].\n" + string.Join("\n", missing));
        var stale = declared.Where(t => model.FindEntityType(t) is null).Select(t => t.Name).ToList();
        Assert.True(stale.Count == 0, "[PersonalDataOf] names types that are not entities: " + string.Join(", ", stale));
    }

    /// <summary>Entities with a key to the person that are deliberately not in the export, and why.</summary>
    private static readonly Dictionary<Type, string> NotExported = new()
    {
        [typeof(IdentityUserToken<string>)] = "Identity's authentication tokens are secrets (authenticator keys, recovery codes); they go with the account (cascade)",
    };

    private static IEnumerable<(IEntityType Entity, IProperty Property, string Table, string Column)> Columns(HubDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName(store) is { } column)
                {
                    yield return (entity, property, sql.DelimitIdentifier(store.Name, store.Schema), sql.DelimitIdentifier(column));
                }
            }
        }
    }

    private static async Task<long> CountAsync(HubDbContext db, string sql, string id, string email)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "id", id);
        if (sql.Contains("@email", StringComparison.Ordinal))
        {
            Add(command, "email", email);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync());

        static void Add(DbCommand command, string name, string value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private static async Task UploadPhotoAsync(FormClient client)
    {
        var (_, page) = await client.GetAsync("/me/profile");
        var token = page.QuerySelector("form[action*='handler=Photo'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var bitmap = new SKBitmap(240, 240);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Everyone"), "PhotoVisibility" },
            { new ByteArrayContent(image.Encode(SKEncodedImageFormat.Png, 100).ToArray()), "Photo", "ada.png" },
        };
        var response = await client.Http.PostAsync("/me/profile?handler=Photo", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>
    /// Rows in every feature: the leaver in a congregation (host beside Ben), a crew, a dyad, an event, the
    /// commons, a practice program and a formation round, invitations both ways, notices, journal, newsletter,
    /// updates they published and email they were sent. Columns naming a person that are left empty here are
    /// filled with the leaver's id by the caller.
    /// </summary>
    private static void AddWorld(HubDbContext db, string ada, string ben)
    {
        var now = DateTime.UtcNow;
        var congregation = new Congregation { Id = Guid.NewGuid(), Slug = "leavers-circle", Name = "Leavers Circle", CreatedAt = now };
        var friend = new MembershipLevel { Id = Guid.NewGuid(), CongregationId = congregation.Id, Name = "Friend" };
        congregation.Levels.Add(friend);
        db.Congregations.Add(congregation);
        db.Memberships.Add(new Membership { Id = Guid.NewGuid(), CongregationId = congregation.Id, UserId = ada, LevelId = friend.Id, IsHost = true, JoinedAt = now });
        db.Memberships.Add(new Membership { Id = Guid.NewGuid(), CongregationId = congregation.Id, UserId = ben, LevelId = friend.Id, IsHost = true, JoinedAt = now });
        // A concern the leaver raised about Ben, and one Ben raised about the leaver, which the leaver (a care contact) tended.
        var raised = Guid.NewGuid();
        var tended = Guid.NewGuid();
        db.Concerns.Add(new Concern { Id = raised, CongregationId = congregation.Id, RaisedByUserId = ada, AboutUserId = ben, Text = "A worry.", CreatedAt = now, AcknowledgeBy = now });
        db.Concerns.Add(new Concern
        {
            Id = tended,
            CongregationId = congregation.Id,
            RaisedByUserId = ben,
            AboutUserId = ada,
            Text = "Another worry.",
            CreatedAt = now,
            AcknowledgeBy = now,
            AcknowledgedAt = now,
            AcknowledgedByUserId = ada,
            ClosedAt = now,
            ClosedByUserId = ada,
            ClosingNote = "Talked it through.",
        });
        db.ConcernSteps.Add(new ConcernStep { Id = Guid.NewGuid(), ConcernId = tended, ByUserId = ada, Text = "Called Ben.", At = now });
        var elsewhere = new Congregation { Id = Guid.NewGuid(), Slug = "elsewhere", Name = "Elsewhere", Policy = MembershipPolicy.Request, CreatedAt = now };
        db.Congregations.Add(elsewhere);
        db.JoinRequests.Add(new JoinRequest { Id = Guid.NewGuid(), CongregationId = elsewhere.Id, UserId = ada, Answers = "I would like to come.", CreatedAt = now });
        db.Invitations.Add(new Invitation
        {
            Id = Guid.NewGuid(),
            CongregationId = congregation.Id,
            Email = LeaverEmail,
            TokenHash = "leaver-invitation",
            InvitedByUserId = ben,
            CreatedAt = now,
            ExpiresAt = now.AddDays(7),
            AcceptedAt = now,
        });
        db.Invitations.Add(new Invitation
        {
            Id = Guid.NewGuid(),
            CongregationId = congregation.Id,
            Email = "cleo@test.example",
            TokenHash = "invitation-by-leaver",
            CreatedAt = now,
            ExpiresAt = now.AddDays(7),
        });
        db.Removals.Add(new Removal { Id = Guid.NewGuid(), CongregationId = elsewhere.Id, Reason = "Moved away.", RemovedAt = now });
        db.Removals.Add(new Removal { Id = Guid.NewGuid(), CongregationId = elsewhere.Id, UserId = ben, Reason = "Asked to leave.", RemovedAt = now });
        var group = new WorkingGroup
        {
            Id = Guid.NewGuid(),
            CongregationId = congregation.Id,
            Name = "Autumn gathering",
            Purpose = "Host the autumn gathering.",
            EndsOn = DateOnly.FromDateTime(now.AddMonths(1)),
            CreatedAt = now,
        };
        group.Members.Add(new WorkingGroupMember { WorkingGroupId = group.Id, UserId = ada, JoinedAt = now });
        db.WorkingGroups.Add(group);

        var crew = new Crew { Id = Guid.NewGuid(), Name = "Tuesday crew", CongregationId = congregation.Id, Stage = CrewStage.Meeting, JoinedCount = 2, CreatedAt = now };
        crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crew.Id, UserId = ada, Status = CrewMemberStatus.Joined, InvitedAt = now, JoinedAt = now });
        crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crew.Id, UserId = ben, Status = CrewMemberStatus.Joined, Position = 1, InvitedAt = now, JoinedAt = now });
        var meeting = new CrewMeeting { Id = Guid.NewGuid(), CrewId = crew.Id, Term = 1, Number = 1, StartsAt = now.AddDays(3), Notes = "Bring tea." };
        crew.Meetings.Add(meeting);
        db.MeetingCommitments.Add(new MeetingCommitment { Id = Guid.NewGuid(), MeetingId = meeting.Id, CrewId = crew.Id, UserId = ada, Text = "Call my brother.", WrittenAt = now });
        db.CasePreparations.Add(new CasePreparation { MeetingId = meeting.Id, CrewId = crew.Id, UserId = ada, Question = "Should I move?", UpdatedAt = now });
        db.Crews.Add(crew);
        db.RetrospectiveAnswers.Add(new RetrospectiveAnswer { Id = Guid.NewGuid(), CrewId = crew.Id, Term = 1, WhatWorked = "Listening.", AnsweredAt = now });
        // What Ada shared with the crew, put on its list, offered the congregation, proposed and accepted as its agreements.
        db.SharedReflections.Add(new SharedReflection { Id = Guid.NewGuid(), CrewId = crew.Id, Term = 1, WhatWorked = "Being heard.", OneChange = "Start on time.", SharedAt = now });
        db.CrewChanges.Add(new CrewChange { Id = Guid.NewGuid(), CrewId = crew.Id, Term = 1, Text = "Start on time.", AddedAt = now });
        var lesson = new CrewLesson { Id = Guid.NewGuid(), CongregationId = congregation.Id, CrewId = crew.Id, Term = 1, Text = "Time the check-in.", SharedAt = now };
        lesson.Answers.Add(new CrewLessonAnswer { Id = Guid.NewGuid(), LessonId = lesson.Id, Consents = true, AnsweredAt = now });
        lesson.Answers.Add(new CrewLessonAnswer { Id = Guid.NewGuid(), LessonId = lesson.Id, UserId = ben, Consents = false, AnsweredAt = now });
        db.CrewLessons.Add(lesson);
        var agreement = new Agreement { Id = Guid.NewGuid(), CrewId = crew.Id, Version = 1, Text = "What is said here stays here.", State = AgreementState.InForce, ProposedAt = now, InForceAt = now };
        agreement.Acceptances.Add(new AgreementAcceptance { Id = Guid.NewGuid(), AgreementId = agreement.Id, AcceptedAt = now });
        agreement.Acceptances.Add(new AgreementAcceptance { Id = Guid.NewGuid(), AgreementId = agreement.Id, UserId = ben, AcceptedAt = now });
        db.Agreements.Add(agreement);
        // A call Ada posted (Ben asked to join it), and Ben's call where Ada holds an accepted place.
        var adasCall = new CrewCall { Id = Guid.NewGuid(), CongregationId = congregation.Id, Name = "Ada's call", Purpose = "Peer support.", EndsOn = DateOnly.FromDateTime(now.AddDays(9)), ClosesAt = now.AddDays(10), CreatedAt = now };
        adasCall.Requests.Add(new CrewCallRequest { Id = Guid.NewGuid(), CallId = adasCall.Id, UserId = ben, Note = "Count me in.", AskedAt = now });
        db.CrewCalls.Add(adasCall);
        var bensCall = new CrewCall { Id = Guid.NewGuid(), CongregationId = congregation.Id, CallerUserId = ben, Name = "Ben's call", Purpose = "Learning.", EndsOn = DateOnly.FromDateTime(now.AddDays(9)), ClosesAt = now.AddDays(10), AcceptedCount = 1, CreatedAt = now };
        bensCall.Requests.Add(new CrewCallRequest { Id = Guid.NewGuid(), CallId = bensCall.Id, Note = "I would like this.", State = CrewCallRequestState.Accepted, AskedAt = now, AnsweredAt = now });
        db.CrewCalls.Add(bensCall);
        // Ada's proposal (Ben answered it), and Ben's, which Ada answered (a block) and whose outcome she wrote.
        var adasDecision = new Decision { Id = Guid.NewGuid(), CongregationId = congregation.Id, Question = "Tea or coffee?", Proposal = "Tea.", ClosesAt = now.AddDays(3), CreatedAt = now };
        adasDecision.Answers.Add(new DecisionAnswer { Id = Guid.NewGuid(), DecisionId = adasDecision.Id, UserId = ben, Response = DecisionResponse.Agree, Version = 1, AnsweredAt = now });
        adasDecision.Amendments.Add(new DecisionAmendment { Id = Guid.NewGuid(), DecisionId = adasDecision.Id, Version = 1, Proposal = "Coffee.", Note = "Tea is kinder.", AmendedAt = now });
        adasDecision.Advisers.Add(new DecisionAdviser { DecisionId = adasDecision.Id, UserId = ada });
        var teaTime = new DecisionOption { Id = Guid.NewGuid(), DecisionId = adasDecision.Id, Position = 0, StartsAt = now.AddDays(5) };
        teaTime.Answers.Add(new DecisionPollAnswer { Id = Guid.NewGuid(), OptionId = teaTime.Id, DecisionId = adasDecision.Id, UserId = ada, Availability = PollAvailability.Yes, AnsweredAt = now });
        adasDecision.Options.Add(teaTime);
        db.Decisions.Add(adasDecision);
        var bensDecision = new Decision
        {
            Id = Guid.NewGuid(),
            CongregationId = congregation.Id,
            ProposerUserId = ben,
            Question = "Meet on Fridays?",
            Proposal = "Fridays.",
            ClosesAt = now.AddDays(-1),
            Result = DecisionResult.NotAdopted,
            ResultNote = "Not Fridays, then.",
            DecidedAt = now,
            CreatedAt = now
        };
        bensDecision.Answers.Add(new DecisionAnswer { Id = Guid.NewGuid(), DecisionId = bensDecision.Id, Response = DecisionResponse.Block, Reason = "Fridays are for family.", Version = 1, AnsweredAt = now });
        db.Decisions.Add(bensDecision);
        // A conversation Ada began and closed, with her post (edited once) and her thanks for Ben's reply.
        var thread = new Microsolidarity.Hub.Data.Conversations.ConversationThread { Id = Guid.NewGuid(), CongregationId = congregation.Id, Title = "Lifts", CreatedAt = now, LastPostAt = now, ClosedAt = now, ModerationReason = "Settled." };
        var adasPost = new Microsolidarity.Hub.Data.Conversations.ConversationPost { Id = Guid.NewGuid(), ThreadId = thread.Id, Text = "Who drives?", CreatedAt = now, EditedAt = now };
        adasPost.Versions.Add(new Microsolidarity.Hub.Data.Conversations.ConversationPostVersion { Id = Guid.NewGuid(), PostId = adasPost.Id, Text = "Who drives??", WrittenAt = now, ReplacedAt = now });
        var bensPost = new Microsolidarity.Hub.Data.Conversations.ConversationPost { Id = Guid.NewGuid(), ThreadId = thread.Id, AuthorUserId = ben, Text = "I do.", CreatedAt = now };
        bensPost.Reactions.Add(new Microsolidarity.Hub.Data.Conversations.ConversationReaction { Id = Guid.NewGuid(), PostId = bensPost.Id, CreatedAt = now });
        thread.Posts.AddRange([adasPost, bensPost]);
        db.ConversationThreads.Add(thread);
        // Ada offers something and Ben answers; Ben asks for something and Ada answers with her address.
        var adasOffer = new Microsolidarity.Hub.Data.Offers.OfferPost { Id = Guid.NewGuid(), Title = "Bookkeeping hours", ExpiresAt = now.AddDays(9), CreatedAt = now };
        adasOffer.Answers.Add(new Microsolidarity.Hub.Data.Offers.OfferAnswer { Id = Guid.NewGuid(), PostId = adasOffer.Id, FromUserId = ben, Message = "Yes please.", SentAt = now });
        db.OfferPosts.Add(adasOffer);
        var bensRequest = new Microsolidarity.Hub.Data.Offers.OfferPost { Id = Guid.NewGuid(), Kind = Microsolidarity.Hub.Data.Offers.OfferPostKind.Request, PosterUserId = ben, Title = "A ladder", ExpiresAt = now.AddDays(9), CreatedAt = now };
        bensRequest.Answers.Add(new Microsolidarity.Hub.Data.Offers.OfferAnswer { Id = Guid.NewGuid(), PostId = bensRequest.Id, Message = "I have one.", ShareEmail = true, SentAt = now });
        db.OfferPosts.Add(bensRequest);
        // Ada and Ben take part in introductions and were introduced to each other.
        db.IntroductionMembers.Add(new IntroductionMember { Id = Guid.NewGuid(), CongregationId = congregation.Id, Share = "I grow beans.", JoinedAt = now });
        db.IntroductionMembers.Add(new IntroductionMember { Id = Guid.NewGuid(), CongregationId = congregation.Id, UserId = ben, Share = "I fix bikes.", JoinedAt = now });
        var introductionRound = new IntroductionRound { Id = Guid.NewGuid(), CongregationId = congregation.Id, Number = 1, MadeAt = now };
        var introduction = new Introduction { Id = Guid.NewGuid(), CongregationId = congregation.Id, MadeAt = now };
        introduction.People.Add(new IntroductionPerson { Id = Guid.NewGuid(), Share = "I grow beans.", Answer = IntroductionAnswer.Met, AnsweredAt = now });
        introduction.People.Add(new IntroductionPerson { Id = Guid.NewGuid(), UserId = ben, Share = "I fix bikes." });
        introductionRound.Introductions.Add(introduction);
        db.IntroductionRounds.Add(introductionRound);

        var dyad = new Dyad { Id = Guid.NewGuid(), PartnerUserId = ben, Intention = "Peer coaching", Status = DyadStatus.Active, ProposedAt = now, StartedAt = now };
        dyad.CheckIns.Add(new DyadCheckIn { Id = Guid.NewGuid(), DyadId = dyad.Id, Text = "A good week.", WrittenAt = now });
        db.Dyads.Add(dyad);
        db.Dyads.Add(new Dyad { Id = Guid.NewGuid(), ProposerUserId = ben, Intention = "Accountability", Status = DyadStatus.Proposed, ProposedAt = now });

        var practice = new Microsolidarity.Hub.Data.Practices.LibraryPractice { Id = Guid.NewGuid(), Slug = "leavers-round", CurrentVersion = 1, CreatedAt = now, UpdatedAt = now };
        practice.Versions.Add(new Microsolidarity.Hub.Data.Practices.LibraryPracticeVersion { Id = Guid.NewGuid(), PracticeId = practice.Id, Number = 1, Title = "Leavers' round", Text = "---\ntitle: Leavers' round\n---\n", EditorUserId = ada, EditedAt = now });
        db.LibraryPractices.Add(practice);
        db.BoardCards.Add(new Microsolidarity.Hub.Data.Boards.BoardCard { Id = Guid.NewGuid(), CongregationId = congregation.Id, Column = Microsolidarity.Hub.Data.Boards.BoardColumn.KnownVoid, Text = "Nobody can host in August.", AuthorUserId = ada, CreatedAt = now, MovedAt = now });
        db.OwnCards.Add(new Microsolidarity.Hub.Data.Practices.OwnCard { Id = Guid.NewGuid(), CongregationId = congregation.Id, Kind = "mission", Text = "Call a friend.", AuthorUserId = ada, CreatedAt = now });

        db.EmailInvitations.Add(new EmailInvitation
        {
            Id = Guid.NewGuid(),
            To = InvitedTo.Crew,
            CrewId = crew.Id,
            Email = "dana@test.example",
            NormalizedEmail = "DANA@TEST.EXAMPLE",
            TokenHash = "email-invitation-by-leaver",
            CreatedAt = now,
            ExpiresAt = now.AddDays(7),
        });
        db.EmailInvitations.Add(new EmailInvitation
        {
            Id = Guid.NewGuid(),
            To = InvitedTo.Dyad,
            Email = LeaverEmail,
            NormalizedEmail = LeaverEmail.ToUpperInvariant(),
            InvitedByUserId = ben,
            TokenHash = "email-invitation-to-leaver",
            CreatedAt = now,
            ExpiresAt = now.AddDays(7),
            AcceptedAt = now,
        });

        var supper = new GatheringEvent
        {
            Id = Guid.NewGuid(),
            Title = "Autumn supper",
            Kind = EventKind.Gathering,
            Scale = EventScale.Congregation,
            CongregationId = congregation.Id,
            StartsAt = now.AddDays(5),
            EndsAt = now.AddDays(5).AddHours(2),
            TimeZone = "Etc/UTC",
            Capacity = 10,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var occurrence = new EventOccurrence { Id = Guid.NewGuid(), EventId = supper.Id, OriginalStart = supper.StartsAt, StartsAt = supper.StartsAt, EndsAt = supper.EndsAt, GoingCount = 1, Arrivals = 1 };
        supper.Occurrences.Add(occurrence);
        db.GatheringEvents.Add(supper);
        // Hosting together: invited to co-host (and inviting), what they did as a host, a host's invitation to them.
        db.EventCoHosts.Add(new EventCoHost { Id = Guid.NewGuid(), EventId = supper.Id, Status = CoHostStatus.Accepted, InvitedAt = now });
        db.EventCoHosts.Add(new EventCoHost { Id = Guid.NewGuid(), EventId = supper.Id, UserId = ben, Status = CoHostStatus.Invited, InvitedAt = now });
        db.EventHostActions.Add(new EventHostAction { Id = Guid.NewGuid(), EventId = supper.Id, What = "changed the details", At = now });
        db.CongregationHostActions.Add(new CongregationHostAction { Id = Guid.NewGuid(), CongregationId = congregation.Id, What = "moved the level Friend", Reason = "A clearer path.", At = now });
        db.MembershipOffers.Add(new MembershipOffer { Id = Guid.NewGuid(), CongregationId = congregation.Id, Kind = OfferKind.Host, CreatedAt = now });
        db.MembershipOffers.Add(new MembershipOffer { Id = Guid.NewGuid(), CongregationId = congregation.Id, UserId = ben, Kind = OfferKind.NetworkMembership, CreatedAt = now });
        // Ada holds the money and hands it over to Ben (waiting); Ben invites her to the chat.
        var purse = new Responsibility { Id = Guid.NewGuid(), CongregationId = congregation.Id, Name = "The money", CreatedAt = now };
        purse.Holders.Add(new ResponsibilityHolder { ResponsibilityId = purse.Id, UserId = ada, Since = now });
        db.Responsibilities.Add(purse);
        db.ResponsibilityOffers.Add(new ResponsibilityOffer { Id = Guid.NewGuid(), ResponsibilityId = purse.Id, CongregationId = congregation.Id, UserId = ben, CreatedAt = now });
        db.ResponsibilityOffers.Add(new ResponsibilityOffer { Id = Guid.NewGuid(), ResponsibilityId = purse.Id, CongregationId = congregation.Id, OfferedByUserId = ben, CreatedAt = now });
        db.Rsvps.Add(new Rsvp { Id = Guid.NewGuid(), EventId = supper.Id, OccurrenceId = occurrence.Id, Status = RsvpStatus.Going, Arrival = 1, CreatedAt = now, UpdatedAt = now });
        db.MemberCalendars.Add(new MemberCalendar { UserId = ada, Token = "leaver-calendar", CreatedAt = now });
        db.ReminderPreferences.Add(new ReminderPreference { UserId = ada });
        db.SentReminders.Add(new SentReminder { Id = Guid.NewGuid(), EventId = supper.Id, OccurrenceStart = supper.StartsAt, MinutesBefore = 60, SentAt = now });
        var tier = new TicketTier { Id = Guid.NewGuid(), EventId = supper.Id, Name = "Standard", Price = 10 };
        db.TicketTiers.Add(tier);
        db.Tickets.Add(new Ticket { Id = Guid.NewGuid(), EventId = supper.Id, TierId = tier.Id, Amount = 10, Paid = true, PaidAt = now, CreatedAt = now });
        db.Tickets.Add(new Ticket { Id = Guid.NewGuid(), EventId = supper.Id, UserId = ben, TierId = tier.Id, Amount = 10, Paid = true, PaidAt = now, CreatedAt = now });
        db.AvailabilityMarks.Add(new AvailabilityMark { Id = Guid.NewGuid(), GroupKind = TimeFindingGroup.Crew, GroupId = crew.Id, TimeZone = "Etc/UTC", UpdatedAt = now });
        // Ada and Ben sat at one table at the supper; each said they would rather not sit with the other.
        var seating = new GatheringCrewSet { Id = Guid.NewGuid(), EventId = supper.Id, OccurrenceStart = supper.StartsAt, Size = 3, Stage = GatheringCrewStage.Published, FormedAt = now, MovesSince = now };
        var table = new TemporaryCrew { Id = Guid.NewGuid(), SetId = seating.Id, Number = 1 };
        table.Members.Add(new TemporaryCrewMember { Id = Guid.NewGuid(), SetId = seating.Id, TemporaryCrewId = table.Id, Continue = ContinueAnswer.Yes, AnsweredAt = now });
        table.Members.Add(new TemporaryCrewMember { Id = Guid.NewGuid(), SetId = seating.Id, TemporaryCrewId = table.Id, UserId = ben });
        seating.Crews.Add(table);
        db.GatheringCrewSets.Add(seating);
        db.GatheringRatherNots.Add(new GatheringRatherNot { Id = Guid.NewGuid(), EventId = supper.Id, OccurrenceStart = supper.StartsAt, FromUserId = ben, CreatedAt = now });
        db.GatheringRatherNots.Add(new GatheringRatherNot { Id = Guid.NewGuid(), EventId = supper.Id, OccurrenceStart = supper.StartsAt, AboutUserId = ben, CreatedAt = now });
        db.FoundTimes.Add(new FoundTime { Id = Guid.NewGuid(), GroupKind = TimeFindingGroup.Crew, GroupId = crew.Id, EventId = supper.Id, Day = DayOfWeek.Tuesday, Hour = 18, TimeZone = "Etc/UTC", ConfirmedAt = now });

        db.Pledges.Add(new Pledge { Id = Guid.NewGuid(), Currency = "EUR", AmountMinor = 1000, Monthly = true, CreatedAt = now });
        db.CommonsRoles.Add(new CommonsRole { Id = Guid.NewGuid(), Role = CommonsRoleKind.Treasurer, NamedAt = now });
        db.BankAccounts.Add(new BankAccount { Id = Guid.NewGuid(), Currency = "EUR", AccountHolder = "Leavers Circle", Instructions = "Pay at the gathering", UpdatedAt = now });
        db.FormSubmissions.Add(new FormSubmission { Token = "leaver-form-token-0001", SubmittedAt = now, ResultUrl = "/commons" });
        db.EmailReplyAddresses.Add(new EmailReplyAddress { Token = "leaverreplyaddresstoken0001", Kind = "conversation", Key = "a-thread", CreatedAt = now });
        db.CommonsRoles.Add(new CommonsRole { Id = Guid.NewGuid(), UserId = ben, Role = CommonsRoleKind.Administrator, NamedAt = now });
        db.LedgerEntries.Add(new LedgerEntry
        {
            Id = Guid.NewGuid(),
            Currency = "EUR",
            AmountMinor = 1000,
            Kind = LedgerKind.Contribution,
            Description = "Monthly contribution",
            OccurredAt = now,
            RecordedAt = now,
            RecordedBy = "Ada Leaver",
        });
        var proposal = new Proposal { Id = Guid.NewGuid(), Currency = "EUR", AmountMinor = 500, Purpose = "Tea for the gathering", Recipient = "The tea shop", CreatedAt = now };
        proposal.Advice.Add(new Advice { Id = Guid.NewGuid(), ProposalId = proposal.Id, Kind = AdviceKind.Support, Text = "Yes, please.", GivenAt = now });
        db.Proposals.Add(proposal);

        var program = new PracticeProgram { Id = Guid.NewGuid(), Name = "Spring program", CallSizes = "3", CreatedAt = now, ComputedAt = now };
        program.Participants.Add(new PracticeParticipant { Id = Guid.NewGuid(), ProgramId = program.Id, Name = "Cleo", Email = "cleo@test.example", Secret = "leaver-program-secret" });
        db.PracticePrograms.Add(program);
        // Ben's cohort, which Ada went to and co-facilitated: her place and her place on the team go with her account.
        var cohort = new PracticeProgram { Id = Guid.NewGuid(), FacilitatorUserId = ben, Name = "Ben's cohort", CallSizes = "2", CreatedAt = now, ComputedAt = now };
        cohort.Participants.Add(new PracticeParticipant { Id = Guid.NewGuid(), ProgramId = cohort.Id, Name = "Ada Leaver", Email = "ada.leaves@test.example", Secret = "leaver-cohort-secret", FromGathering = true });
        cohort.Team.Add(new ProgramFacilitator { Id = Guid.NewGuid(), ProgramId = cohort.Id, InvitedAt = now, AcceptedAt = now });
        db.PracticePrograms.Add(cohort);
        var round = new FormationRound { Id = Guid.NewGuid(), CongregationId = congregation.Id, Title = "Autumn round", PreferencesDueAt = now.AddDays(3), CreatedAt = now };
        var adaJoins = new FormationParticipant { Id = Guid.NewGuid(), RoundId = round.Id, UserId = ada, TimeZone = "Etc/UTC", JoinedAt = now, UpdatedAt = now };
        var benJoins = new FormationParticipant { Id = Guid.NewGuid(), RoundId = round.Id, UserId = ben, TimeZone = "Etc/UTC", JoinedAt = now, UpdatedAt = now };
        round.Participants.Add(adaJoins);
        round.Participants.Add(benJoins);
        db.FormationRounds.Add(round);
        db.FormationPreferences.Add(new FormationPreference { RoundId = round.Id, FromParticipantId = adaJoins.Id, AboutParticipantId = benJoins.Id, Choice = PreferenceChoice.Want });
        db.FormationPreferences.Add(new FormationPreference { RoundId = round.Id, FromParticipantId = benJoins.Id, AboutParticipantId = adaJoins.Id, Choice = PreferenceChoice.RatherNot });
        db.ProposalMoves.Add(new ProposalMove { Id = Guid.NewGuid(), RoundId = round.Id, At = now });

        db.Notifications.Add(new Notification { Id = Guid.NewGuid(), Kind = "crew.test", Title = "A notice for the leaver", Url = "/crews", CreatedAt = now });
        db.NotificationPreferences.Add(new NotificationPreference { UserId = ada, Topic = "crew", Mode = NotificationMode.DailyDigest });
        db.JournalEntries.Add(new JournalEntry { Id = Guid.NewGuid(), Prompt = "What is alive in you?", Text = "Gratitude.", WrittenAt = now });

        db.NewsletterSubscribers.Add(new NewsletterSubscriber
        {
            Id = Guid.NewGuid(),
            Email = LeaverEmail,
            NormalizedEmail = LeaverEmail.ToUpperInvariant(),
            Name = "Ada",
            Token = "leaver-newsletter-token",
            CreatedAt = now,
            ConfirmationSentAt = now,
            ConfirmedAt = now,
        });
        db.NewsletterIssues.Add(new NewsletterIssue { Id = Guid.NewGuid(), Subject = "News from the hub", Markdown = "News.", Html = "<p>News.</p>", SentAt = now, BaseUrl = "http://localhost" });
        db.Episodes.Add(new Episode { Id = Guid.NewGuid(), Slug = "leavers-episode", Title = "An episode", PublishedAt = now, AudioUrl = "https://audio.example/episode.mp3" });
        db.OutgoingEmails.Add(new OutgoingEmail { Id = Guid.NewGuid(), ToAddress = LeaverEmail, ToName = "Ada Leaver", Subject = "Welcome", TextBody = "Hello.", CreatedAt = now, NextAttemptAt = now, SentAt = now });
    }
}
