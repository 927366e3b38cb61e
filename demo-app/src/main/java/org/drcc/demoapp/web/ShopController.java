package org.drcc.demoapp.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.drcc.demoapp.shop.CheckResult;
import org.drcc.demoapp.shop.Receipt;
import org.drcc.demoapp.shop.Shop;
import org.drcc.demoapp.shop.Truck;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class ShopController {

    private final Shop shop;

    ShopController(Shop shop) {
        this.shop = shop;
    }

    @Operation(summary = "The active food trucks")
    @GetMapping("/api/trucks")
    List<Truck> trucks() {
        return shop.activeTrucks();
    }

    @Operation(summary = "An order's receipt, totalled by the running release")
    @GetMapping("/api/orders/{id}")
    Receipt order(@PathVariable long id) {
        return shop.receipt(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + id));
    }

    @Operation(summary = "The functional check: trucks listed, the newest receipts equal what was paid; 503 when it fails")
    @GetMapping("/api/checks")
    ResponseEntity<CheckResult> check() {
        CheckResult result = shop.check();
        return ResponseEntity.status(result.passed() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(result);
    }
}
