package org.sunlight.record.internal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class StoredRowsUnionH2Tests extends StoredRowsUnionContract {
}
