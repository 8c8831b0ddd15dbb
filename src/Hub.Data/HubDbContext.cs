using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Data.Introductions;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Data.Offers;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Data.Updates;

namespace Microsolidarity.Hub.Data;

/// <summary>
/// The one database of the hub. Each feature keeps its entities and their configuration in its
/// own folder; this class only lists the sets and applies every configuration in the assembly.
/// </summary>
public class HubDbContext(DbContextOptions<HubDbContext> options)
    : IdentityDbContext<HubUser>(options), IDataProtectionKeyContext
{
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<EmailReplyAddress> EmailReplyAddresses => Set<EmailReplyAddress>();
    public DbSet<EmailReplyReceipt> EmailReplyReceipts => Set<EmailReplyReceipt>();
    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<HubSetting> HubSettings => Set<HubSetting>();
    public DbSet<Congregation> Congregations => Set<Congregation>();
    public DbSet<MembershipLevel> MembershipLevels => Set<MembershipLevel>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Removal> Removals => Set<Removal>();
    public DbSet<CongregationHostAction> CongregationHostActions => Set<CongregationHostAction>();
    public DbSet<Concern> Concerns => Set<Concern>();
    public DbSet<ConcernStep> ConcernSteps => Set<ConcernStep>();
    public DbSet<CongregationAgreement> CongregationAgreements => Set<CongregationAgreement>();
    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();
    public DbSet<WorkingGroupMember> WorkingGroupMembers => Set<WorkingGroupMember>();
    public DbSet<Crew> Crews => Set<Crew>();
    public DbSet<CrewMember> CrewMembers => Set<CrewMember>();
    public DbSet<CrewMeeting> CrewMeetings => Set<CrewMeeting>();
    public DbSet<RetrospectiveAnswer> RetrospectiveAnswers => Set<RetrospectiveAnswer>();
    public DbSet<CrewCall> CrewCalls => Set<CrewCall>();
    public DbSet<CrewCallRequest> CrewCallRequests => Set<CrewCallRequest>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementAcceptance> AgreementAcceptances => Set<AgreementAcceptance>();
    public DbSet<SharedReflection> SharedReflections => Set<SharedReflection>();
    public DbSet<CrewChange> CrewChanges => Set<CrewChange>();
    public DbSet<CrewLesson> CrewLessons => Set<CrewLesson>();
    public DbSet<CrewLessonAnswer> CrewLessonAnswers => Set<CrewLessonAnswer>();
    public DbSet<CrewPlan> CrewPlans => Set<CrewPlan>();
    public DbSet<MeetingRoom> MeetingRooms => Set<MeetingRoom>();
    public DbSet<MeetingCommitment> MeetingCommitments => Set<MeetingCommitment>();
    public DbSet<CasePreparation> CasePreparations => Set<CasePreparation>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionAnswer> DecisionAnswers => Set<DecisionAnswer>();
    public DbSet<DecisionAmendment> DecisionAmendments => Set<DecisionAmendment>();
    public DbSet<DecisionAdviser> DecisionAdvisers => Set<DecisionAdviser>();
    public DbSet<DecisionOption> DecisionOptions => Set<DecisionOption>();
    public DbSet<DecisionPollAnswer> DecisionPollAnswers => Set<DecisionPollAnswer>();
    public DbSet<OfferPost> OfferPosts => Set<OfferPost>();
    public DbSet<ConversationThread> ConversationThreads => Set<ConversationThread>();
    public DbSet<ConversationPost> ConversationPosts => Set<ConversationPost>();
    public DbSet<ConversationPostVersion> ConversationPostVersions => Set<ConversationPostVersion>();
    public DbSet<ConversationReaction> ConversationReactions => Set<ConversationReaction>();
    public DbSet<OfferAnswer> OfferAnswers => Set<OfferAnswer>();
    public DbSet<IntroductionMember> IntroductionMembers => Set<IntroductionMember>();
    public DbSet<IntroductionRound> IntroductionRounds => Set<IntroductionRound>();
    public DbSet<Introduction> Introductions => Set<Introduction>();
    public DbSet<IntroductionPerson> IntroductionPeople => Set<IntroductionPerson>();
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<Dyad> Dyads => Set<Dyad>();
    public DbSet<EmailInvitation> EmailInvitations => Set<EmailInvitation>();
    public DbSet<DyadCheckIn> DyadCheckIns => Set<DyadCheckIn>();
    public DbSet<HandbookPage> HandbookPages => Set<HandbookPage>();
    public DbSet<HandbookInfo> Handbooks => Set<HandbookInfo>();
    public DbSet<HandbookImport> HandbookImports => Set<HandbookImport>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NewsletterSubscriber> NewsletterSubscribers => Set<NewsletterSubscriber>();
    public DbSet<NewsletterIssue> NewsletterIssues => Set<NewsletterIssue>();
    public DbSet<NewsletterDelivery> NewsletterDeliveries => Set<NewsletterDelivery>();
    public DbSet<Episode> Episodes => Set<Episode>();
    public DbSet<WebhookTarget> WebhookTargets => Set<WebhookTarget>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<CommonsRole> CommonsRoles => Set<CommonsRole>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<Advice> Advice => Set<Advice>();
    public DbSet<FundraisingGoal> FundraisingGoals => Set<FundraisingGoal>();
    public DbSet<BankAccount> BankAccounts => Set<BankAccount>();
    public DbSet<GatheringEvent> GatheringEvents => Set<GatheringEvent>();
    public DbSet<EventOccurrence> EventOccurrences => Set<EventOccurrence>();
    public DbSet<Rsvp> Rsvps => Set<Rsvp>();
    public DbSet<MemberCalendar> MemberCalendars => Set<MemberCalendar>();
    public DbSet<ReminderPreference> ReminderPreferences => Set<ReminderPreference>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<TicketTier> TicketTiers => Set<TicketTier>();
    public DbSet<DiscountCode> DiscountCodes => Set<DiscountCode>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<AvailabilityMark> AvailabilityMarks => Set<AvailabilityMark>();
    public DbSet<FoundTime> FoundTimes => Set<FoundTime>();
    public DbSet<GatheringCrewSet> GatheringCrewSets => Set<GatheringCrewSet>();
    public DbSet<TemporaryCrew> TemporaryCrews => Set<TemporaryCrew>();
    public DbSet<TemporaryCrewMember> TemporaryCrewMembers => Set<TemporaryCrewMember>();
    public DbSet<GatheringRatherNot> GatheringRatherNots => Set<GatheringRatherNot>();
    public DbSet<EventCoHost> EventCoHosts => Set<EventCoHost>();
    public DbSet<EventHostAction> EventHostActions => Set<EventHostAction>();
    public DbSet<MembershipOffer> MembershipOffers => Set<MembershipOffer>();
    public DbSet<Responsibility> Responsibilities => Set<Responsibility>();
    public DbSet<ResponsibilityHolder> ResponsibilityHolders => Set<ResponsibilityHolder>();
    public DbSet<ResponsibilityOffer> ResponsibilityOffers => Set<ResponsibilityOffer>();
    public DbSet<PracticeProgram> PracticePrograms => Set<PracticeProgram>();
    public DbSet<PracticeParticipant> PracticeParticipants => Set<PracticeParticipant>();
    public DbSet<ProgramFacilitator> ProgramFacilitators => Set<ProgramFacilitator>();
    public DbSet<FormationRound> FormationRounds => Set<FormationRound>();
    public DbSet<FormationParticipant> FormationParticipants => Set<FormationParticipant>();
    public DbSet<FormationPreference> FormationPreferences => Set<FormationPreference>();
    public DbSet<ProposedCrew> ProposedCrews => Set<ProposedCrew>();
    public DbSet<ProposalMove> ProposalMoves => Set<ProposalMove>();
    public DbSet<Practices.LibraryPractice> LibraryPractices => Set<Practices.LibraryPractice>();
    public DbSet<Practices.LibraryPracticeVersion> LibraryPracticeVersions => Set<Practices.LibraryPracticeVersion>();
    public DbSet<Practices.OwnCard> OwnCards => Set<Practices.OwnCard>();
    public DbSet<Boards.BoardCard> BoardCards => Set<Boards.BoardCard>();

    /// <summary>Shared data-protection keys, so several web nodes can read each other's cookies and tokens.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored in UTC. SQLite forgets DateTime.Kind, PostgreSQL insists on it:
        // one converter makes both give back UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcNullableDateTimeConverter>();
    }
}
