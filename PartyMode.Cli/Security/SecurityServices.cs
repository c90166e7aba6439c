namespace PartyMode.Cli.Security;

/// <summary>The access rules as services: the failed-authentication limit and the DM's this-machine rule.</summary>
internal static class SecurityServices
{
    public static IServiceCollection AddPartyModeSecurity(this IServiceCollection services, TimeProvider clock, int authFailLimit, bool exemptLoopback, bool allowRemoteDm) => services
        .AddSingleton(_ => new AuthFailures(authFailLimit, clock, exemptLoopback))
        .AddSingleton(_ => new DmAccessPolicy(allowRemoteDm));
}
