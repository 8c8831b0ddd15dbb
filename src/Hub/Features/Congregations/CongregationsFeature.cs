using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Congregations;

public static class CongregationsFeature
{
    /// <summary>How long an emailed invitation works.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    public static WebApplicationBuilder AddCongregations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CongregationAccess>();
        builder.Services.AddScoped<CongregationEmails>();
        builder.Services.AddScoped<SetMembersEvents>();
        builder.Services.AddScoped<OfferMembership>();
        builder.Services.AddScoped<EditLevels>();
        builder.Services.AddScoped<MoveLevel>();
        builder.Services.AddScoped<RemoveLevel>();
        builder.Services.AddScoped<HostActions>();
        builder.Services.AddScoped<AnswerMembershipOffer>();
        builder.Services.AddScoped<CreateCongregation>();
        builder.Services.AddScoped<DirectoryIndex>();
        builder.Services.AddScoped<Platform.Contracts.ISiteSearchSource, CongregationSearchSource>();
        builder.Services.AddScoped<JoinCongregation>();
        builder.Services.AddScoped<RequestToJoin>();
        builder.Services.AddScoped<DecideJoinRequest>();
        builder.Services.AddScoped<InviteByEmail>();
        builder.Services.AddScoped<AcceptInvitation>();
        builder.Services.AddScoped<RevokeInvitation>();
        builder.Services.AddScoped<LeaveCongregation>();
        builder.Services.AddScoped<RemoveMember>();
        builder.Services.AddScoped<StartWorkingGroup>();
        builder.Services.AddScoped<JoinWorkingGroup>();
        builder.Services.AddScoped<ChangeMembership>();
        builder.Services.AddScoped<EndNetworkMembership>();
        builder.Services.AddScoped<SetCongregationCover>();
        builder.Services.AddScoped<CongregationLife>();
        builder.Services.AddScoped<Care.ReadCare>();
        builder.Services.AddScoped<Care.SendNudge>();
        builder.Services.AddSingleton<Map.ReadNetworkMap>();
        builder.Services.AddScoped<Map.PlaceCongregation>();
        builder.Services.AddScoped<IPersonalData, CongregationPersonalData>();
        return builder;
    }
}
