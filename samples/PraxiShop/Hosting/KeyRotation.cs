using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace PraxiShop.Hosting;

/// <summary>
/// The <c>expired-auth</c> breakage: the shop rotates the key ring that protects its auth cookie, the way a
/// redeploy with a new key store does. Cookies issued earlier no longer decrypt, so their holders are sent to /login.
/// </summary>
internal static class KeyRotation
{
    public static void RevokeAllAndCreateNew(IServiceProvider services, ILogger log)
    {
        var keyManager = services.GetRequiredService<IKeyManager>();
        var count = keyManager.GetAllKeys().Count;
        var now = DateTimeOffset.UtcNow;
        keyManager.RevokeAllKeys(now, reason: "cookie key rotation");
        keyManager.CreateNewKey(now, now.AddDays(90));
        StartupLog.KeysRotated(log, count);
    }
}
