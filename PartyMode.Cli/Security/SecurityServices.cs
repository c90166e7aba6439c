namespace PartyMode.Cli.Security;

/// <summary>The access rules as services: the failed-authentication limit and the DM's this-machine rule.</summary>
internal static class SecurityServices
{
    /// <summary>Built at once: neither needs the game, so the host-building thread pays for the address scan.</summary>
    public static IServiceCollection AddPartyModeSecurity(this IServiceCollection services, TimeProvider clock, int authFailLimit, bool exemptLoopback, bool allowRemoteDm) => services
        .AddSingleton(new AuthFailures(authFailLimit, clock, exemptLoopback))
        .AddSingleton(new DmAccessPolicy(allowRemoteDm));
}
