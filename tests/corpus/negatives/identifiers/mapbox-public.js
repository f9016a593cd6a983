mapboxgl.accessToken = "pk.eyJ1Ijoib3JiaXRwYXkiLCJhIjoiY2x4MmZ6a3Z6MGJ3cjJrcGZ0d3h5N2JxbiJ9.Q2kZ8xTnW4vLbMk3R7yU1o";
// public (pk.) token, URL-restricted to orbitpay.io
