namespace Microsolidarity.Hub.Features.Crews.Agreements;

/// <summary>A crew's (and, lighter, a dyad's) written agreements: proposed by any member, in force once everyone accepts.</summary>
public static class AgreementsFeature
{
    public static WebApplicationBuilder AddGroupAgreements(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProposeAgreement>();
        builder.Services.AddScoped<AcceptAgreement>();
        return builder;
    }
}
