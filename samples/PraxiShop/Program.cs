using PraxiShop.Hosting;

return await ShopApp.RunAsync(args);
